/**
 * A token bucket per key, in this process. On Azure the Function App scales out and every
 * instance keeps its own buckets, so the effective limit is this one times the number of
 * instances: it stops a runaway form or a flood at one instance, not a distributed one
 * (put Front Door / API Management rate limiting in front for that).
 */
export type RateLimiter = {
  /** Takes one token; null when allowed, else the seconds until the next token. */
  take(key: string): number | null;
  /** What `take` would answer, without taking anything. */
  wait(key: string): number | null;
};

export type RateLimit = { burst: number; perMinute: number };

/** Enough for a busy ads campaign (a lead a second for a minute), not for a flood. */
export const DEFAULT_INTAKE_RATE_LIMIT: RateLimit = { burst: 60, perMinute: 60 };

// Keys are attacker-chosen (unknown forms, any address), so the map is bounded.
export const RATE_LIMITER_MAX_KEYS = 10_000;

type Bucket = { tokens: number; at: number };

export const createRateLimiter = (limit: RateLimit, clock: () => Date): RateLimiter => {
  // A Map iterates in insertion order; re-inserting a key on every use makes its first key the
  // least recently used. Evicting by first insertion instead would let someone spraying new
  // keys reset the bucket of a key they are still hammering.
  const buckets = new Map<string, Bucket>();
  const perMs = limit.perMinute / 60_000;

  const current = (key: string, now: number): Bucket => {
    const bucket = buckets.get(key);
    if (bucket === undefined) return { tokens: limit.burst, at: now };
    const refilled = bucket.tokens + Math.max(0, now - bucket.at) * perMs;
    return { tokens: Math.min(limit.burst, refilled), at: now };
  };
  const secondsUntilToken = (tokens: number) =>
    tokens >= 1 ? null : Math.max(1, Math.ceil((1 - tokens) / perMs / 1000));

  return {
    take(key) {
      const bucket = current(key, clock().getTime());
      buckets.delete(key);
      if (buckets.size >= RATE_LIMITER_MAX_KEYS) {
        const leastRecent = buckets.keys().next().value;
        if (leastRecent !== undefined) buckets.delete(leastRecent);
      }
      const wait = secondsUntilToken(bucket.tokens);
      buckets.set(key, wait === null ? { ...bucket, tokens: bucket.tokens - 1 } : bucket);
      return wait;
    },
    wait(key) {
      return secondsUntilToken(current(key, clock().getTime()).tokens);
    },
  };
};
