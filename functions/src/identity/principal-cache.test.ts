import { describe, expect, it } from "vitest";
import type { Principal } from "./principal.js";
import { createPrincipalCache, PRINCIPAL_TTL_MS } from "./principal-cache.js";
import type { TokenClaims } from "./token-claims.js";

const claims = (overrides: Partial<TokenClaims> = {}) =>
  ({
    tenantId: "t1",
    userId: "u1",
    name: "Ana García",
    email: "ana@example.test",
    roles: [],
    ...overrides,
  }) as TokenClaims;

const principal = { tenantId: "t1", userId: "u1", role: "seller" } as Principal;

describe("createPrincipalCache", () => {
  it("reuses a principal for the same claims until the time to live has passed", () => {
    let now = Date.parse("2026-11-22T10:00:00Z");
    const cache = createPrincipalCache(() => new Date(now));
    cache.set(claims(), principal);

    now += PRINCIPAL_TTL_MS - 1;
    expect(cache.get(claims())).toBe(principal);
    now += 1;
    expect(cache.get(claims())).toBeNull();
  });

  it("provisions afresh a token whose role, name or email changed", () => {
    const cache = createPrincipalCache(() => new Date("2026-11-22T10:00:00Z"));
    cache.set(claims(), principal);

    expect(cache.get(claims({ roles: ["Dealflow.Manager"] }))).toBeNull();
    expect(cache.get(claims({ name: "Ana G." }))).toBeNull();
    expect(cache.get(claims({ email: "ana@other.test" }))).toBeNull();
    expect(cache.get(claims({ userId: "u2" }))).toBeNull();
  });
});
