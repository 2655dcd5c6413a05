import { randomUUID } from "node:crypto";
import type { Opportunity } from "@dealflow/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../tests/support/api-harness.js";
import { arrangeOpportunity } from "../../api/api.test-support.js";
import { asOpportunity, asPage, signIn } from "./opportunity.test-support.js";
import { visibilityMarks } from "./visibility-marks.js";

const APPLIED_AT = "2026-03-02T08:00:00.000Z";
const HOUR = 3_600_000;
const hoursAfterApplying = (hours: number) =>
  new Date(Date.parse(APPLIED_AT) + hours * HOUR).toISOString();

let harness: ApiHarness;
const tenant = randomUUID();
const seller = newTestUser(tenant, { name: "Ana García" });
const manager = newTestUser(tenant, { name: "Marta Díaz", manager: true });
const connectorKey = `mkt-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => new Date(hoursAfterApplying(1)) });
  await signIn(harness, seller, manager);
  // A manager shortens this marketplace's clocks to 12 h and 36 h.
  const current = (await harness.call(manager, "GET", "/api/settings")).body as {
    marketplaces: object[];
  };
  const saved = await harness.call(manager, "PUT", "/api/settings", {
    body: {
      ...current,
      marketplaces: [
        ...current.marketplaces,
        { key: connectorKey, name: "Workana", reminderMinutes: 12 * 60, revealMinutes: 36 * 60 },
      ],
    },
  });
  if (saved.status !== 200) throw new Error(`settings: ${saved.status} ${saved.text}`);
});
afterAll(() => harness?.close());

const hiddenApplication = (visibility: "hidden" | "revealed" | "withheld" = "hidden") =>
  arrangeOpportunity(harness, {
    owner: seller,
    source: "marketplace",
    marketplace: { connectorKey, appliedAt: APPLIED_AT, visibility },
  });

describe("a hidden client's countdowns on the opportunity", () => {
  it("tells a seller, who gets no connectors in the settings, the marketplace's 12 h and 36 h marks", async () => {
    const opportunity = await hiddenApplication();

    const settings = (await harness.call(seller, "GET", "/api/settings")).body as object;
    const answer = await harness.call(seller, "GET", `/api/opportunities/${opportunity.id}`);

    expect(settings).not.toHaveProperty("marketplaces");
    expect(answer.status).toBe(200);
    expect(asOpportunity(answer.body).marketplace).toMatchObject({
      visibility: "hidden",
      reminderAt: hoursAfterApplying(12),
      revealAt: hoursAfterApplying(36),
    });
  });

  it("carries the same marks in the seller's lists", async () => {
    const opportunity = await hiddenApplication();

    const answer = await harness.call(seller, "GET", "/api/opportunities?view=mine");

    const listed = asPage(answer.body).items.find((item) => item.id === opportunity.id);
    expect(listed?.marketplace).toMatchObject({
      reminderAt: hoursAfterApplying(12),
      revealAt: hoursAfterApplying(36),
    });
  });

  it.each(["revealed", "withheld"] as const)(
    "has no marks once the client is %s",
    async (state) => {
      const opportunity = await hiddenApplication(state);

      const answer = await harness.call(seller, "GET", `/api/opportunities/${opportunity.id}`);

      expect(asOpportunity(answer.body).marketplace).toMatchObject({
        visibility: state,
        reminderAt: null,
        revealAt: null,
      });
    },
  );

  it("describes both marks in the OpenAPI document", async () => {
    const document = (await harness.call(null, "GET", "/api/openapi.json")).text;
    expect(document).toContain('"reminderAt"');
    expect(document).toContain('"revealAt"');
  });
});

describe("visibilityMarks", () => {
  const scheduled = (kind: string, hours: number) => ({
    id: `${kind}~o1`,
    kind,
    dueAt: hoursAfterApplying(hours),
  });
  const record = {
    tenantId: "t1",
    id: "o1",
    marketplace: { connectorKey: "gone", visibility: "hidden", appliedAt: APPLIED_AT },
    deadlines: [scheduled("marketplace-reminder", 20), scheduled("marketplace-reveal", 40)],
  } as unknown as Opportunity;

  it("keeps the deadlines already scheduled when the marketplace has left the settings", () => {
    expect(visibilityMarks(record, { marketplaces: [] })).toEqual({
      reminderAt: hoursAfterApplying(20),
      revealAt: hoursAfterApplying(40),
    });
  });
});
