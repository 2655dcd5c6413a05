import { describe, expect, it } from "vitest";
import { createRateLimiter, JITTER_MARGIN_MS, shareOf, TENANT_LIMITS } from "./rate-limiter.js";

/** A limiter on a clock that moves only when a send sleeps (or the test advances it). */
const limiterOnFakeClock = () => {
  const clock = { now: 0 };
  const limiter = createRateLimiter({
    now: () => clock.now,
    sleep: async (ms) => {
      clock.now = Math.max(clock.now, ms + clock.now);
    },
  });
  return { clock, limiter };
};

const tenant = [{ key: "t:tenant", windows: TENANT_LIMITS }];

describe("rate limiter", () => {
  it("spreads a tenant's sends at 5 per 100 ms instead of letting 50 go at once", async () => {
    const { clock, limiter } = limiterOnFakeClock();
    const departures: number[] = [];
    for (let i = 0; i < 50; i++) {
      await limiter.acquire(tenant);
      departures.push(clock.now);
    }
    expect(departures.slice(0, 5)).toEqual([0, 0, 0, 0, 0]);
    expect(departures[5]).toBe(100);
    expect(departures[49]).toBe(900);
  });

  it("starts the 51st send a second and the jitter margin after the first", async () => {
    const { clock, limiter } = limiterOnFakeClock();
    for (let i = 0; i < 50; i++) await limiter.acquire(tenant);
    await limiter.acquire(tenant);
    expect(clock.now).toBe(1_000 + JITTER_MARGIN_MS);
  });

  it("counts a send that woke late from when it left, not from when it was booked", async () => {
    const clock = { now: 0 };
    const waits: number[] = [];
    const limiter = createRateLimiter({
      now: () => clock.now,
      // A busy event loop: every timer fires 400 ms late.
      sleep: async (ms) => {
        waits.push(ms);
        clock.now += ms + 400;
      },
    });
    const oneASecond = [{ key: "c", windows: [{ limit: 1, ms: 1_000 }] }];
    for (let i = 0; i < 3; i++) await limiter.acquire(oneASecond);
    // The second left at 1 400, not 1 000: the third waits a full second after that.
    expect(waits).toEqual([1_000, 1_000]);
  });
});

describe("a limit shared by instances", () => {
  it.each([
    [{ limit: 7, ms: 1_000 }, 0.5, 3],
    [{ limit: 50, ms: 1_000 }, 0.5, 25],
    [{ limit: 50, ms: 1_000 }, 1 / 3, 16],
    [{ limit: 1_800, ms: 3_600_000 }, 0.5, 900],
    [{ limit: 5, ms: 100, pacing: true as const }, 0.5, 3],
    [{ limit: 7, ms: 1_000 }, 0.1, 1],
    [{ limit: 7, ms: 1_000 }, 1, 7],
  ])("%j at a part of %d: %i", (window, fraction, share) => {
    expect(shareOf(window, fraction)).toBe(share);
  });
});
