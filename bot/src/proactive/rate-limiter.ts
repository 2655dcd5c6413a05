/**
 * At most `limit` sends in any `ms` window. `pacing`: a window of our own that spreads sends
 * out (not one of Teams' limits), so instances sharing it may round their share up.
 */
export type RateWindow = { limit: number; ms: number; pacing?: true };

/**
 * Teams counts arrivals, we book departures: a send booked at t can arrive some ms later
 * than the one booked a window after it. Each window is this much longer than Teams' own,
 * so that jitter does not turn a send at the limit into a 429 (docs/bot.md, bot-fanout bench).
 */
export const JITTER_MARGIN_MS = 60;

const window = (limit: number, ms: number): RateWindow => ({ limit, ms: ms + JITTER_MARGIN_MS });

/** Teams' documented limits for a bot posting to one conversation. */
export const CONVERSATION_LIMITS: readonly RateWindow[] = [
  window(7, 1_000),
  window(8, 2_000),
  window(60, 30_000),
  window(1_800, 3_600_000),
];
/**
 * The global limit per bot and tenant, spread as 5 per 100 ms: 50 sent at once reach Teams
 * over hundreds of ms (one event loop serializes them), the next 50 in a few, and collide.
 */
export const TENANT_LIMITS: readonly RateWindow[] = [
  window(50, 1_000),
  { limit: 5, ms: 100, pacing: true },
];

/**
 * The other instances of the app sending under the same limits (issue 23: two Function
 * instances together must keep to Teams' limits, which count per bot and tenant). Each
 * instance uses a fraction of every limit of a tenant's keys, agreed through storage so that
 * the fractions in use never add up to more than the whole (functions/src/bot/limiter-peers.ts).
 */
export type LimiterPeers = {
  /** The part of this key's tenant's limits this instance may use now, in (0, 1]. */
  fraction(key: string): number;
  /** Before a booking: says this instance is sending, and resolves once it has a fraction. */
  ready(keys: readonly string[]): Promise<void>;
};

/** One instance's part of a window: Teams' own rounded down, so the parts never exceed it. */
export const shareOf = (window: RateWindow, fraction: number): number =>
  fraction >= 1
    ? window.limit
    : Math.max(
        1,
        // A part computed as 1 - 2/3 is a hair off a third: round as if it were exact.
        window.pacing
          ? Math.ceil(window.limit * fraction - 1e-9)
          : Math.floor(window.limit * fraction + 1e-9),
      );

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * With peers, a send is booked at most this far ahead: a booking made under a larger fraction
 * than the one agreed later would otherwise stand for as long as the backlog lasts.
 */
export const BOOKING_HORIZON_MS = 500;

/**
 * Sliding-window pacing by reservation: each send books the earliest instant at which every
 * window of every key it counts against has room, then waits for it. Booking first (instead
 * of waiting and re-checking) keeps concurrent senders from all waking at once. Bookings are
 * per process; with `peers`, each process keeps to its share of the limits, so instances
 * that cannot see each other's bookings still stay under Teams' limits together.
 */
export const createRateLimiter = (
  options: { now?: () => number; sleep?: Sleep; peers?: LimiterPeers } = {},
) => {
  const now = options.now ?? Date.now;
  const peers = options.peers;
  const sleep = options.sleep ?? realSleep;
  const booked = new Map<string, number[]>();
  const pauses = new Map<string, number>();

  // A booking at `at` is safe when fewer than `limit` others lie within `ms` on either side:
  // bookings are not made in time order (a Retry-After pushes one later, the next may land
  // earlier), so those after `at` count too. In time order this is the plain sliding window.
  const earliest = (key: string, windows: readonly RateWindow[], from: number): number => {
    const times = booked.get(key) ?? [];
    const fraction = peers?.fraction(key) ?? 1;
    let at = Math.max(from, pauses.get(key) ?? 0);
    for (let changed = true; changed; ) {
      changed = false;
      for (const window of windows) {
        const { ms } = window;
        const limit = shareOf(window, fraction);
        const near = times.filter((time) => time > at - ms && time < at + ms);
        const blocking = near.length >= limit ? near[near.length - limit] : undefined;
        if (blocking !== undefined) {
          at = Math.max(at + 1, blocking + ms);
          changed = true;
        }
      }
    }
    return at;
  };

  /** Forgets bookings older than the longest window (relative to now, not to the booking). */
  const book = (key: string, at: number, windows: readonly RateWindow[]) => {
    const longest = Math.max(...windows.map((window) => window.ms));
    const horizon = now() - longest;
    const times = (booked.get(key) ?? []).filter((time) => time > horizon);
    times.push(at);
    times.sort((a, b) => a - b);
    booked.set(key, times);
  };

  const rebook = (key: string, from: number, to: number) => {
    const times = booked.get(key);
    const index = times?.indexOf(from) ?? -1;
    if (!times || index < 0) return;
    times[index] = to;
    times.sort((a, b) => a - b);
  };

  return {
    /** Waits until one more send fits every limit of every key, and counts it. */
    async acquire(keys: readonly { key: string; windows: readonly RateWindow[] }[]): Promise<void> {
      let at: number;
      for (;;) {
        await peers?.ready(keys.map(({ key }) => key));
        at = now();
        for (let stable = false; !stable; ) {
          stable = true;
          for (const { key, windows } of keys) {
            const next = earliest(key, windows, at);
            if (next > at) {
              at = next;
              stable = false;
            }
          }
        }
        // Shared limits can shrink: book only what is near, the rest asks again later.
        const ahead = at - now();
        if (!peers || ahead <= BOOKING_HORIZON_MS) break;
        await sleep(ahead - BOOKING_HORIZON_MS);
      }
      for (const { key, windows } of keys) book(key, at, windows);
      const wait = at - now();
      if (wait > 0) await sleep(wait);
      // A busy event loop wakes late: count the send when it really leaves, not when booked.
      const departed = now();
      if (departed > at) for (const { key } of keys) rebook(key, at, departed);
    },
    /** Retry-After: nothing more for this key until `ms` from now. */
    pause(key: string, ms: number): void {
      pauses.set(key, Math.max(pauses.get(key) ?? 0, now() + ms));
    },
  };
};

export type RateLimiter = ReturnType<typeof createRateLimiter>;
