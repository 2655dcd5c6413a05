import type { Offer } from "../../api/routing-api.js";

/** Every fixed clock of the offers' tests: offers sent now expire in three days. */
export const NOW = new Date("2026-03-02T09:00:00.000Z");
const DAY = 86_400_000;

export const offer = (overrides: Partial<Offer> = {}): Offer => ({
  id: "of-1",
  opportunityId: "o-1",
  opportunityTitle: "Web shop for Navarro Abogados",
  targetId: "t-ana",
  targetName: "Ana Partners",
  userId: "u-ana",
  mode: "manual",
  status: "pending",
  sentAt: NOW.toISOString(),
  expiresAt: new Date(NOW.getTime() + 3 * DAY).toISOString(),
  answeredAt: null,
  answeredBy: null,
  ...overrides,
});
