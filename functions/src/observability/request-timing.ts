import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Wall-clock time with at least one call of a kind in flight: calls made side by side count
 * once, so `total - io` is the time the request spent in this process, not waiting.
 */
type Span = { inFlight: number; since: number; ms: number; calls: number };

/** What one API request waited on: table calls, queue sends, and either. */
export type RequestTiming = {
  readonly start: number;
  readonly storage: Span;
  readonly queue: Span;
  readonly io: Span;
};

const span = (): Span => ({ inFlight: 0, since: 0, ms: 0, calls: 0 });
const current = new AsyncLocalStorage<RequestTiming>();

const begin = (part: Span, now: number) => {
  if (part.inFlight === 0) part.since = now;
  part.inFlight += 1;
  part.calls += 1;
};
const end = (part: Span, now: number) => {
  part.inFlight -= 1;
  if (part.inFlight === 0) part.ms += now - part.since;
};

/** Runs one request's work with its timing recorded; outside `timeRequest` nothing is kept. */
export const timeRequest = async <T>(
  work: () => Promise<T>,
): Promise<{ result: T; timing: RequestTiming }> => {
  const timing: RequestTiming = {
    start: performance.now(),
    storage: span(),
    queue: span(),
    io: span(),
  };
  const result = await current.run(timing, work);
  return { result, timing };
};

/** Counts `call` as a storage round trip (a table request or a queue send) of the request it serves. */
export const trackIo = <T>(kind: "storage" | "queue", call: () => Promise<T>): Promise<T> => {
  const timing = current.getStore();
  if (timing === undefined) return call();
  const now = performance.now();
  begin(timing[kind], now);
  begin(timing.io, now);
  const done = () => {
    const at = performance.now();
    end(timing[kind], at);
    end(timing.io, at);
  };
  return call().finally(done);
};

const ms = (value: number) => value.toFixed(1);
const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/**
 * The W3C Server-Timing header (docs/api.md): time waiting on table calls, on queue sends, on
 * either, and the whole request, in ms. Calls still in flight (none, once a handler returned)
 * are not counted.
 */
export const serverTimingOf = (timing: RequestTiming, now = performance.now()): string =>
  [
    `storage;dur=${ms(timing.storage.ms)};desc="${plural(timing.storage.calls, "call", "calls")}"`,
    `queue;dur=${ms(timing.queue.ms)};desc="${plural(timing.queue.calls, "send", "sends")}"`,
    `io;dur=${ms(timing.io.ms)}`,
    `total;dur=${ms(now - timing.start)}`,
  ].join(", ");

/** What the host said it waited on (its Server-Timing header), in ms and calls. */
export type ServerTiming = {
  storage: number;
  storageCalls: number;
  queue: number;
  queueSends: number;
  io: number;
  total: number;
};

/**
 * Reads the header `serverTimingOf` writes (`storage;dur=12.4;desc="4 calls", queue;dur=…,
 * io;dur=…, total;dur=…`): what a client such as the soak learns of a request's waits.
 */
export const parseServerTiming = (header: string | null): ServerTiming | undefined => {
  if (!header) return undefined;
  const metrics = new Map<string, { dur: number; count: number }>();
  for (const entry of header.split(",")) {
    const [name = "", ...params] = entry.trim().split(";");
    const dur = Number(params.find((p) => p.startsWith("dur="))?.slice(4));
    const count = Number(/desc="(\d+)/.exec(entry)?.[1] ?? Number.NaN);
    metrics.set(name, { dur, count });
  }
  const storage = metrics.get("storage");
  const queue = metrics.get("queue");
  const io = metrics.get("io");
  const total = metrics.get("total");
  if (!storage || !queue || !io || !total) return undefined;
  return {
    storage: storage.dur,
    storageCalls: storage.count,
    queue: queue.dur,
    queueSends: queue.count,
    io: io.dur,
    total: total.dur,
  };
};
