import type { Principal } from "./principal.js";
import type { TokenClaims } from "./token-claims.js";

/**
 * How long a resolved principal is reused: a change of settings.managerIds shows within it.
 * Teams are not part of what is reused (create-authenticator.ts reads them every request).
 */
export const PRINCIPAL_TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

/**
 * Every API request would otherwise read the tenant's settings and the user's record before
 * its own work (the tabs poll lists). The key holds every claim provisioning reads, so a new
 * token with another name, email or role is provisioned afresh at once.
 */
export const createPrincipalCache = (clock: () => Date) => {
  const entries = new Map<string, { principal: Principal; until: number }>();
  const keyOf = (claims: TokenClaims) =>
    JSON.stringify([claims.tenantId, claims.userId, claims.name, claims.email, claims.roles]);
  return {
    get(claims: TokenClaims): Principal | null {
      const key = keyOf(claims);
      const entry = entries.get(key);
      if (!entry) return null;
      if (entry.until <= clock().getTime()) {
        entries.delete(key);
        return null;
      }
      return entry.principal;
    },
    set(claims: TokenClaims, principal: Principal): void {
      // Oldest first out: a Map iterates in insertion order.
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
      entries.set(keyOf(claims), { principal, until: clock().getTime() + PRINCIPAL_TTL_MS });
    },
  };
};
