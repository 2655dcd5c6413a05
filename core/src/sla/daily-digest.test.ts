import { describe, expect, it } from "vitest";
import { defaultSettings } from "../settings/settings.js";
import { buildTask } from "../shared/builders.test-support.js";
import type { User } from "../user/user.types.js";
import { withPreferences } from "../user/user-preferences.js";
import { dailyDigest, endOfLocalDay, isDigestRun, localDate } from "./daily-digest.js";

const user: User = {
  tenantId: "tenant-a",
  id: "seller-1",
  name: "Ana García",
  email: null,
  role: "seller",
  locale: "es",
  timeZone: "Europe/Madrid",
  active: true,
  teamIds: [],
};
const tenant = { ...defaultSettings(), timeZone: "America/New_York" };
// 08:00 in Madrid (UTC+1 in winter).
const MADRID_EIGHT = new Date("2026-03-02T07:00:00Z");
const overdue = buildTask({ id: "t-1", dueAt: "2026-02-27T10:00:00.000Z" });
const today = buildTask({ id: "t-2", dueAt: "2026-03-02T22:30:00.000Z" });
const tomorrow = buildTask({ id: "t-3", dueAt: "2026-03-02T23:30:00.000Z" });

describe("isDigestRun", () => {
  it.each([
    ["Europe/Madrid", "2026-03-02T07:00:00Z", true],
    ["Europe/Madrid", "2026-03-02T08:00:00Z", false],
    ["Europe/Madrid", "2026-07-02T06:00:00Z", true], // summer time, UTC+2
    ["Europe/Madrid", "2026-03-02T07:15:00Z", false], // the next quarter's run: sent already
    ["America/New_York", "2026-03-02T13:00:00Z", true],
    ["Asia/Kolkata", "2026-03-02T02:30:00Z", true], // 08:00 at +5:30
    ["Asia/Kolkata", "2026-03-02T03:00:00Z", false], // 08:30: not a second time
    ["Asia/Kathmandu", "2026-03-02T02:15:00Z", true], // 08:00 at +5:45
  ])("in %s, the run at %s is the 08:00 run: %s", (zone, at, expected) => {
    expect(isDigestRun(new Date(at), zone)).toBe(expected);
  });
});

describe("endOfLocalDay", () => {
  it("ends the day at the next local midnight", () => {
    expect(endOfLocalDay(MADRID_EIGHT, "Europe/Madrid").toISOString()).toBe(
      "2026-03-02T23:00:00.000Z",
    );
  });

  it("ends a day that changes to summer time at its own midnight", () => {
    // 29 March 2026: Madrid moves from UTC+1 to UTC+2 at 02:00.
    expect(endOfLocalDay(new Date("2026-03-29T06:00:00Z"), "Europe/Madrid").toISOString()).toBe(
      "2026-03-29T22:00:00.000Z",
    );
  });
});

describe("dailyDigest", () => {
  it("sends the user's agenda at 08:00 in their own zone with a per-day id", () => {
    const digest = dailyDigest(user, tenant, [overdue, today], MADRID_EIGHT);

    expect(digest).toEqual({
      tenantId: "tenant-a",
      id: "digest:seller-1:2026-03-02",
      createdAt: MADRID_EIGHT.toISOString(),
      opportunityId: null,
      actorId: null,
      deliveredAt: null,
      type: "daily-digest",
      userId: "seller-1",
      date: "2026-03-02",
    });
  });

  it("uses the tenant's zone for a user without one", () => {
    const inTenantZone = { ...user, timeZone: null };

    expect(dailyDigest(inTenantZone, tenant, [overdue], MADRID_EIGHT)).toBeNull();
    expect(
      dailyDigest(inTenantZone, tenant, [overdue], new Date("2026-03-02T13:00:00Z"))?.date,
    ).toBe("2026-03-02");
  });

  it("moves to 08:00 in the zone Teams last reported once the record has it", () => {
    // Mexico City keeps UTC-6 all year: its 08:00 is 14:00 UTC, when it is 15:00 in Madrid.
    const moved = withPreferences(user, { timeZone: "America/Mexico_City" });
    const mexicoEight = new Date("2026-03-02T14:00:00Z");

    expect(moved && dailyDigest(moved, tenant, [overdue], MADRID_EIGHT)).toBeNull();
    expect(moved && dailyDigest(moved, tenant, [overdue], mexicoEight)?.createdAt).toBe(
      mexicoEight.toISOString(),
    );
    expect(dailyDigest(user, tenant, [overdue], mexicoEight)).toBeNull();
  });

  it("sends nothing on a day with no overdue task and none due today", () => {
    expect(dailyDigest(user, tenant, [tomorrow], MADRID_EIGHT)).toBeNull();
  });

  it("leaves out tasks that are no longer open", () => {
    expect(dailyDigest(user, tenant, [{ ...today, status: "done" }], MADRID_EIGHT)).toBeNull();
  });

  it("sends nothing to a deactivated user", () => {
    expect(dailyDigest({ ...user, active: false }, tenant, [overdue], MADRID_EIGHT)).toBeNull();
  });

  it("dates the digest by the local day, not the UTC day", () => {
    // 08:00 in Auckland (UTC+13) on 3 March is still 2 March in UTC.
    const kiwi = { ...user, timeZone: "Pacific/Auckland" };
    const at = new Date("2026-03-02T19:00:00Z");

    expect(localDate(at, "Pacific/Auckland")).toBe("2026-03-03");
    expect(dailyDigest(kiwi, tenant, [overdue], at)?.id).toBe("digest:seller-1:2026-03-03");
  });
});
