/**
 * A token bucket per key, in this process. On Azure the Function App scales out and every
 * instance keeps its own buckets, so the effective limit is this one times the number of
 * instances: it stops a runaway form or a flood at one instance, not a distributed one
 * (put Front Door / API Management rate limiting in front for that).
 */
export type RateLimiter = {
  /** Takes one token; null when allowed, else the seconds until the next token. */
  take(key: string): number | null;
};

export type RateLimit = { burst: number; perMinute: number };

/** Enough for a busy ads campaign (a lead a second for a minute), not for a flood. */
export const DEFAULT_INTAKE_RATE_LIMIT: RateLimit = { burst: 60, perMinute: 60 };

// Keys are attacker-chosen (unknown forms are counted too), so the map is bounded.
const MAX_KEYS = 10_000;

export const createRateLimiter = (limit: RateLimit, clock: () => Date): RateLimiter => {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = limit.perMinute / 60_000;
  return {
    take(key) {
      const now = clock().getTime();
      const bucket = buckets.get(key) ?? { tokens: limit.burst, at: now };
      const tokens = Math.min(limit.burst, bucket.tokens + Math.max(0, now - bucket.at) * perMs);
      if (!buckets.has(key) && buckets.size >= MAX_KEYS) {
        const oldest = buckets.keys().next().value;
        if (oldest !== undefined) buckets.delete(oldest);
      }
      if (tokens < 1) {
        buckets.set(key, { tokens, at: now });
        return Math.max(1, Math.ceil((1 - tokens) / perMs / 1000));
      }
      buckets.set(key, { tokens: tokens - 1, at: now });
      return null;
    },
  };
};
