import { type Activity, defaultSettings, type Locale } from "@dealflow/core";
import { describe, expect, it } from "vitest";
import { NOW, TENANT } from "../../../core/src/shared/builders.test-support.js";
import { translator } from "../i18n/translate.js";
import { describeActivity } from "./describe-activity.js";

const declined: Activity = {
  tenantId: TENANT,
  id: "activity-1",
  opportunityId: "opp-1",
  at: NOW.toISOString(),
  actorId: null,
  type: "client-declined",
  refund: "not-eligible",
  refundReason: "declined-after-reveal",
};

const describeIn = (locale: Locale, activity: Activity = declined) =>
  describeActivity(activity, {
    t: translator(locale),
    reader: { locale, timeZone: "UTC" },
    settings: defaultSettings(),
    names: new Map(),
  });

describe("describeActivity: the client declined after the reveal", () => {
  it.each([
    ["en", "the client declined after the reveal; no refund (declined after the reveal)"],
    [
      "es",
      "el cliente lo rechazó tras la revelación; sin reembolso (rechazado tras la revelación)",
    ],
  ] as const)("says it with the refund outcome in %s", (locale, text) => {
    expect(describeIn(locale)).toBe(text);
  });

  it("names why a meeting makes the fee not refundable", () => {
    expect(describeIn("en", { ...declined, refundReason: "meeting-held" })).toContain(
      "no refund (the meeting was held)",
    );
  });
});
