import { describe, expect, it } from "vitest";
import { STORED_ROLE_TRUST_MS, storedRole } from "./stored-role.js";

const NOW = new Date("2026-03-02T09:00:00Z");
const confirmedAgo = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

describe("storedRole", () => {
  it.each([
    { case: "a manager confirmed an hour ago", role: "manager", ago: 3_600_000, acts: "manager" },
    {
      case: "a manager confirmed a day ago",
      role: "manager",
      ago: STORED_ROLE_TRUST_MS,
      acts: "manager",
    },
    {
      case: "a manager not confirmed for over a day",
      role: "manager",
      ago: STORED_ROLE_TRUST_MS + 1,
      acts: "seller",
    },
    { case: "a seller", role: "seller", ago: 0, acts: "seller" },
  ] as const)("lets $case act as a $acts", ({ role, ago, acts }) => {
    expect(storedRole({ role, active: true, roleConfirmedAt: confirmedAgo(ago) }, NOW)).toBe(acts);
  });

  it("never trusts a manager role that no token ever confirmed", () => {
    expect(storedRole({ role: "manager", active: true }, NOW)).toBe("seller");
    expect(storedRole({ role: "manager", active: true, roleConfirmedAt: null }, NOW)).toBe(
      "seller",
    );
  });

  it("makes a deactivated manager a seller", () => {
    expect(
      storedRole({ role: "manager", active: false, roleConfirmedAt: confirmedAgo(0) }, NOW),
    ).toBe("seller");
  });
});
