import type { ConnectorResult } from "./connector-client.js";
import {
  CONVERSATION_LIMITS,
  type RateLimiter,
  realSleep,
  type Sleep,
  TENANT_LIMITS,
} from "./rate-limiter.js";

/** Teams' answers that mean "this conversation is gone": deactivate, never retry. */
export const GONE_CODES: readonly string[] = [
  "BotNotInConversationRoster",
  "ConversationBlockedByUser",
  "BotDisabledByAdmin",
  "ConversationNotFound",
];

export type SendOutcome =
  | { kind: "sent"; id: string | null }
  | { kind: "gone"; code: string }
  /** Still failing after the attempts of this delivery; the caller retries later. */
  | { kind: "failed"; status: number; code: string | null };

const TRANSIENT = new Set([412, 500, 502, 503, 504]);

/** The limiter's keys: one conversation of a tenant, and the tenant (Teams' two scopes). */
export const conversationLimiterKey = (tenantId: string, conversationId: string) =>
  `c:${tenantId}:${conversationId}`;
export const tenantLimiterKey = (tenantId: string) => `t:${tenantId}`;
/** The tenant a limiter key counts against. */
export const tenantOfLimiterKey = (key: string): string | null =>
  /^[ct]:([^:]+)/.exec(key)?.[1] ?? null;

export const isGone = (result: Extract<ConnectorResult, { ok: false }>): boolean =>
  (result.status === 403 || result.status === 404) &&
  (result.code === null ? result.status === 404 : GONE_CODES.includes(result.code));

export type SenderOptions = {
  limiter: RateLimiter;
  sleep?: Sleep;
  random?: () => number;
  /** Calls per send, the first included. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
};

/**
 * One proactive call under Teams' limits: paced per conversation (7/s …) and per tenant
 * (50/s); a 429 waits its Retry-After (and holds the whole conversation back); 5xx, 412, 502
 * and 504 back off exponentially with full jitter; a "gone" 403/404 returns at once.
 */
export const createProactiveSender = (options: SenderOptions) => {
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const maxAttempts = options.maxAttempts ?? 5;
  const base = options.baseDelayMs ?? 500;
  const cap = options.maxDelayMs ?? 30_000;
  return async (
    target: { tenantId: string; conversationId: string },
    call: () => Promise<ConnectorResult>,
  ): Promise<SendOutcome> => {
    const conversationKey = conversationLimiterKey(target.tenantId, target.conversationId);
    const keys = [
      { key: conversationKey, windows: CONVERSATION_LIMITS },
      { key: tenantLimiterKey(target.tenantId), windows: TENANT_LIMITS },
    ];
    let last: Extract<ConnectorResult, { ok: false }> | null = null;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      await options.limiter.acquire(keys);
      const result = await call();
      if (result.ok) return { kind: "sent", id: result.id };
      last = result;
      if (isGone(result)) return { kind: "gone", code: result.code ?? `HTTP ${result.status}` };
      if (attempt === maxAttempts) break;
      if (result.status === 429) {
        const wait = result.retryAfterMs ?? Math.min(cap, base * 2 ** attempt);
        options.limiter.pause(conversationKey, wait);
        continue;
      }
      if (!TRANSIENT.has(result.status)) break;
      await sleep(Math.floor(random() * Math.min(cap, base * 2 ** attempt)));
    }
    return { kind: "failed", status: last?.status ?? 0, code: last?.code ?? null };
  };
};

export type ProactiveSender = ReturnType<typeof createProactiveSender>;
