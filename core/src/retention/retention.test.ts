import { describe, expect, it } from "vitest";
import { isNotificationPurgeable, isReviewLinkPurgeable, retentionCutoff } from "./retention.js";

const NOW = new Date("2026-06-01T03:00:00.000Z");
const cutoff = retentionCutoff(NOW, 90);
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

describe("retentionCutoff", () => {
  it("is the instant the given number of days before now", () => {
    expect(cutoff.toISOString()).toBe("2026-03-03T03:00:00.000Z");
  });
});

describe("isNotificationPurgeable", () => {
  it.each([
    { case: "delivered before the cutoff", deliveredAt: daysAgo(91), purge: true },
    { case: "delivered inside the retention", deliveredAt: daysAgo(89), purge: false },
    { case: "never delivered, however old", deliveredAt: null, purge: false },
    {
      case: "given up on (dead-lettered) before the cutoff",
      deliveredAt: null,
      deadLetteredAt: daysAgo(95),
      purge: true,
    },
    {
      case: "given up on inside the retention",
      deliveredAt: null,
      deadLetteredAt: daysAgo(30),
      purge: false,
    },
  ])("purges a notification $case: $purge", ({ deliveredAt, deadLetteredAt, purge }) => {
    expect(isNotificationPurgeable({ deliveredAt }, cutoff, deadLetteredAt ?? null)).toBe(purge);
  });
});

describe("isReviewLinkPurgeable", () => {
  it.each([
    { case: "used before the cutoff", usedAt: daysAgo(100), expiresAt: daysAgo(70), purge: true },
    {
      case: "used inside the retention",
      usedAt: daysAgo(10),
      expiresAt: daysAgo(95),
      purge: false,
    },
    { case: "expired before the cutoff", usedAt: null, expiresAt: daysAgo(91), purge: true },
    { case: "expired inside the retention", usedAt: null, expiresAt: daysAgo(30), purge: false },
    { case: "still open", usedAt: null, expiresAt: daysAgo(-20), purge: false },
  ])("purges a link $case: $purge", ({ usedAt, expiresAt, purge }) => {
    expect(isReviewLinkPurgeable({ usedAt, expiresAt }, cutoff)).toBe(purge);
  });
});
