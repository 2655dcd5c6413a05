import { describe, expect, it } from "vitest";
import { createRateLimiter, RATE_LIMITER_MAX_KEYS } from "./rate-limiter.js";

describe("the intake rate limiter", () => {
  it("allows a burst, then refuses with the seconds until the next token, then refills", () => {
    let now = new Date("2026-03-02T09:00:00Z");
    const limiter = createRateLimiter({ burst: 3, perMinute: 6 }, () => now);
    expect([limiter.take("a"), limiter.take("a"), limiter.take("a")]).toEqual([null, null, null]);
    expect(limiter.take("a")).toBe(10);
    expect(limiter.take("b")).toBeNull();
    now = new Date(now.getTime() + 10_000);
    expect(limiter.take("a")).toBeNull();
    expect(limiter.take("a")).toBeGreaterThan(0);
  });

  it("keeps the bucket of a key still being hammered when its bounded map is full, evicting the least recently used", () => {
    const now = new Date("2026-03-02T09:00:00Z");
    const limiter = createRateLimiter({ burst: 1, perMinute: 1 }, () => now);
    limiter.take("attacker form-key");
    // The attacker fills the map with other keys while still hitting the limited one...
    for (let index = 0; index < RATE_LIMITER_MAX_KEYS - 1; index += 1) {
      limiter.take(`spray-${index}`);
      if (index === RATE_LIMITER_MAX_KEYS / 2) limiter.take("attacker form-key");
    }
    expect(limiter.take("attacker form-key")).not.toBeNull();
    // ...so that one more key would evict it if eviction went by first insertion.
    limiter.take("spray-last");

    expect(limiter.take("attacker form-key")).not.toBeNull();
  });

  it("tells how long a key must wait without spending its tokens", () => {
    const now = new Date("2026-03-02T09:00:00Z");
    const limiter = createRateLimiter({ burst: 1, perMinute: 6 }, () => now);

    expect([limiter.wait("a"), limiter.wait("a"), limiter.take("a")]).toEqual([null, null, null]);
    expect([limiter.wait("a"), limiter.take("a")]).toEqual([10, 10]);
  });
});
