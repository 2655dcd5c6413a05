import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limiter.js";

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
});
