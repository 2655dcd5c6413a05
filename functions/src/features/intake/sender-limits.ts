import type { HttpRequest } from "@azure/functions";
import { isDomainError } from "@dealflow/core";
import { HttpProblem } from "../../api/http/api-problem.js";
import { addressGroupOf, clientAddressOf } from "../../api/http/client-address.js";
import { createRateLimiter, DEFAULT_INTAKE_RATE_LIMIT, type RateLimit } from "./rate-limiter.js";

/**
 * The two budgets of a keyed sender without a bearer token (a web form, a marketplace):
 * `accepted` per key, spent only by requests that proved the key's secret; `unauthenticated`
 * per client address and key, spent by every attempt that did not.
 */
export type SenderLimits = {
  accepted: RateLimit;
  unauthenticated: RateLimit;
  /** Every failed attempt of one address (IPv6: one /64), whichever keys it names. */
  unauthenticatedPerAddress: RateLimit;
};

/**
 * A misconfigured sender learns in a few tries; a guesser gets ten a minute per key, and
 * thirty a minute in all, so naming a new key each time does not reset its budget.
 */
export const DEFAULT_SENDER_LIMITS: SenderLimits = {
  accepted: DEFAULT_INTAKE_RATE_LIMIT,
  unauthenticated: { burst: 10, perMinute: 10 },
  unauthenticatedPerAddress: { burst: 30, perMinute: 30 },
};

const tooMany = (seconds: number, detail: string) =>
  new HttpProblem(429, "Too many requests", detail, { "Retry-After": String(seconds) });

// Refusals the sender caused (no such key, wrong secret, bad headers or body) spend its
// budget; our own failures (storage unavailable, a bug) must not.
const isSenderFault = (error: unknown): boolean =>
  (error instanceof HttpProblem && error.status < 500) ||
  (isDomainError(error) && error.code !== "unavailable");

/**
 * Authentication before the key's budget: junk posted to a guessable key must not spend the
 * budget of the key's real sender (the form's leads would get 429). A client address that
 * keeps failing is refused before anything is read, so a flood costs no storage.
 */
export const createSenderLimiter = (limits: SenderLimits, clock: () => Date, what: string) => {
  const accepted = createRateLimiter(limits.accepted, clock);
  const failed = createRateLimiter(limits.unauthenticated, clock);
  const failedFromAddress = createRateLimiter(limits.unauthenticatedPerAddress, clock);
  return {
    async admit<T>(request: HttpRequest, key: string, authenticate: () => Promise<T>): Promise<T> {
      const address = addressGroupOf(clientAddressOf(request));
      const attempt = `${address} ${key}`;
      const blocked = failed.wait(attempt) ?? failedFromAddress.wait(address);
      if (blocked !== null) {
        throw tooMany(blocked, "Too many failed attempts from this address; retry later.");
      }
      let authenticated: T;
      try {
        authenticated = await authenticate();
      } catch (error) {
        if (isSenderFault(error)) {
          failed.take(attempt);
          failedFromAddress.take(address);
        }
        throw error;
      }
      const wait = accepted.take(key);
      if (wait !== null) throw tooMany(wait, `Too many ${what}; retry later.`);
      return authenticated;
    },
  };
};
