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

describe("describeActivity: lines read after the actor's name", () => {
  const line = (details: Partial<Activity>, actorId: string | null = "u-marta"): Activity =>
    ({ ...declined, actorId, ...details }) as Activity;
  const names = new Map([
    ["u-marta", "Marta Díaz"],
    ["u-luis", "Luis Romero"],
  ]);
  const say = (locale: Locale, activity: Activity) =>
    describeActivity(activity, {
      t: translator(locale),
      reader: { locale, timeZone: "UTC" },
      settings: defaultSettings(),
      names,
    });

  it.each([
    ["en", "started following it", "added Luis Romero as a follower"],
    ["es", "empezó a seguirla", "añadió a Luis Romero como seguidor"],
  ] as const)("does not repeat the actor who followed it themselves (%s)", (locale, own, other) => {
    expect(say(locale, line({ type: "follower-added", userId: "u-marta" }))).toBe(own);
    expect(say(locale, line({ type: "follower-added", userId: "u-luis" }))).toBe(other);
  });

  it("says the first contact's outcome and the source in words, not their ids", () => {
    expect(say("en", line({ type: "first-contact", action: "second-contact", reason: null }))).toBe(
      "could not reach the contact: a second contact is due",
    );
    expect(say("en", line({ type: "created", source: "web-form", campaign: null }))).toBe(
      "created it (Web form)",
    );
  });
});
