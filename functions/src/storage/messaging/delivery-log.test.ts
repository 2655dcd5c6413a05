import { beforeAll, describe, expect, it } from "vitest";
import { createTestStore, newTenantId } from "../../../../tests/support/test-storage.js";
import type { CardRecord, DeliveryLog } from "./delivery-log.js";

let log: DeliveryLog;

beforeAll(async () => {
  log = (await createTestStore()).deliveryLog;
});

const card = (activityIds: string[]): CardRecord => ({
  conversationId: "a:chat",
  serviceUrl: "http://127.0.0.1:1",
  activityId: "activity-1",
  firstSentAt: "2026-01-05T10:00:00.000Z",
  activityIds,
});

describe("delivery log", () => {
  it("records the sent row and the follower card together", async () => {
    const tenantId = newTenantId();
    const written = await log.recordSent(
      tenantId,
      "n1",
      "user:ana",
      { activityId: "activity-1", at: "2026-01-05T10:00:00.000Z" },
      { opportunityId: "opp-1", userId: "ana", card: card(["act-1"]) },
    );
    expect(written).toBe(true);
    expect((await log.sentTo(tenantId, "n1"))("user:ana")).toBe(true);
    expect((await log.cardsOf(tenantId, "opp-1")).get("ana")?.activityIds).toEqual(["act-1"]);
  });

  it("writes neither row when the card changed since it was read", async () => {
    const tenantId = newTenantId();
    const sent = { activityId: "activity-1", at: "2026-01-05T10:00:00.000Z" };
    const target = { opportunityId: "opp-1", userId: "ana" };
    await log.recordSent(tenantId, "n1", "user:ana", sent, { ...target, card: card(["act-1"]) });
    const read = (await log.cardsOf(tenantId, "opp-1")).get("ana");
    if (!read) throw new Error("no card");
    await log.recordSent(tenantId, "n2", "user:ana", sent, {
      ...target,
      card: { ...read, activityIds: ["act-1", "act-2"] },
    });

    const written = await log.recordSent(tenantId, "n3", "user:ana", sent, {
      ...target,
      card: { ...read, activityIds: ["act-1", "act-3"] },
    });

    expect(written).toBe(false);
    expect((await log.sentTo(tenantId, "n3"))("user:ana")).toBe(false);
    expect((await log.cardsOf(tenantId, "opp-1")).get("ana")?.activityIds).toEqual([
      "act-1",
      "act-2",
    ]);
  });
});
