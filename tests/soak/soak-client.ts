import {
  parseServerTiming,
  type ServerTiming,
} from "../../functions/src/observability/request-timing.js";
/**
 * One answer the soak got: its route (template), status (0: no answer at all), time, and
 * the host's Server-Timing when it sent one.
 */
export type SoakCall = {
  route: string;
  status: number;
  ms: number;
  at: number;
  server?: ServerTiming;
};

export type SoakAnswer = {
  status: number;
  body: unknown;
  headers: Headers | null;
};

/** Every call of a phase, by route, for the figures and for the "no 5xx" check. */
export const createCallLog = () => {
  const calls: SoakCall[] = [];
  return {
    calls,
    add: (call: SoakCall) => void calls.push(call),
    /** Calls answered at or above 500 (a 0 is no answer: the host was down). */
    serverErrors: () => calls.filter((call) => call.status >= 500),
    unanswered: () => calls.filter((call) => call.status === 0),
  };
};
export type CallLog = ReturnType<typeof createCallLog>;

/** A small seeded PRNG (mulberry32): the same seed makes the same day's mix. */
export const seededRandom = (seed: number) => {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (below: number) => Math.floor(next() * below),
    pick: <T>(items: readonly T[]): T | undefined => items[Math.floor(next() * items.length)],
  };
};
export type Random = ReturnType<typeof seededRandom>;

type Base = { url: () => string; log: CallLog };

/**
 * The API as the tab calls it, as a demo user: dev-mode tokens from `POST /api/dev/token`,
 * fetched again after a 401 (a restarted host signs with a new key).
 */
export const createApiClient = (base: Base, userId: string) => {
  let token: string | null = null;
  const signIn = async () => {
    const response = await fetch(`${base.url()}/api/dev/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ userId }),
      signal: AbortSignal.timeout(30_000),
    });
    if (response.status !== 200) throw new Error(`dev token: ${response.status}`);
    token = ((await response.json()) as { token: string }).token;
    return token;
  };
  const once = async (
    route: string,
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string>,
  ): Promise<SoakAnswer> => {
    const bearer = token ?? (await signIn());
    return send(base, route, `${base.url()}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${bearer}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  };
  return {
    userId,
    async call(
      route: string,
      method: string,
      path: string,
      options: { body?: unknown; headers?: Record<string, string> } = {},
    ): Promise<SoakAnswer> {
      const answer = await once(route, method, path, options.body, options.headers ?? {}).catch(
        () => ({ status: 0, body: null, headers: null }),
      );
      if (answer.status !== 401) return answer;
      token = null;
      return once(route, method, path, options.body, options.headers ?? {}).catch(() => ({
        status: 0,
        body: null,
        headers: null,
      }));
    },
  };
};
export type ApiClient = ReturnType<typeof createApiClient>;

/** One timed request; a refused connection or a timeout is status 0. */
export const send = async (
  base: Base,
  route: string,
  url: string,
  init: RequestInit,
): Promise<SoakAnswer> => {
  const start = performance.now();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
    const text = await response.text();
    const ms = performance.now() - start;
    const server = parseServerTiming(response.headers.get("server-timing"));
    base.log.add({
      route,
      status: response.status,
      ms,
      at: Date.now(),
      ...(server ? { server } : {}),
    });
    let body: unknown = null;
    try {
      body = text ? (JSON.parse(text) as unknown) : null;
    } catch {
      body = text;
    }
    return { status: response.status, body, headers: response.headers };
  } catch {
    base.log.add({ route, status: 0, ms: performance.now() - start, at: Date.now() });
    return { status: 0, body: null, headers: null };
  }
};
