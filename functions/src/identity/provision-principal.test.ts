import { randomUUID } from "node:crypto";
import { defaultSettings, type Settings, type User } from "@dealflow/core";
import { describe, expect, it } from "vitest";
import { createTestStore, newTenantId } from "../../../tests/support/test-storage.js";
import type { Store } from "../storage/store.js";
import { createPrincipalProvisioner } from "./provision-principal.js";
import { MANAGER_ROLE, type TokenClaims } from "./token-claims.js";

const NOW = new Date("2026-03-02T10:00:00Z");

const claimsOf = (changes: Partial<TokenClaims> = {}): TokenClaims => ({
  tenantId: newTenantId(),
  userId: randomUUID(),
  name: "Grace Kim",
  email: "grace@kimpartners.example",
  roles: [],
  ...changes,
});

const saveSettings = (store: Store, tenantId: string, settings: Partial<Settings>) =>
  store.commit(tenantId, {
    changes: [{ entity: "settings", before: null, after: { ...defaultSettings(), ...settings } }],
    schedule: [],
    cancel: [],
  });

/** Stored records carry their row's ETag beside the domain fields. */
const versionOf = (user: User | null | undefined) => (user as { version?: string } | null)?.version;

const setUp = async () => {
  const store = await createTestStore(() => NOW);
  return { store, provision: createPrincipalProvisioner(store, () => NOW) };
};

describe("createPrincipalProvisioner", () => {
  it("registers an unknown tenant with default settings on its first request", async () => {
    const { store, provision } = await setUp();
    const claims = claimsOf();

    await provision(claims);

    expect(await store.tenants.get(claims.tenantId)).toEqual({
      tenantId: claims.tenantId,
      name: "kimpartners.example",
      createdAt: NOW.toISOString(),
    });
    const settings = await store.getSettings(claims.tenantId);
    expect(settings.version).toBeDefined();
    expect(settings.managerIds).toEqual([]);
  });

  it("creates the user from the token's claims with the tenant's locale", async () => {
    const { store, provision } = await setUp();
    const claims = claimsOf();
    await saveSettings(store, claims.tenantId, { locale: "es" });

    const principal = await provision(claims);

    expect(await store.getUser(claims.tenantId, claims.userId)).toMatchObject({
      tenantId: claims.tenantId,
      id: claims.userId,
      name: "Grace Kim",
      email: "grace@kimpartners.example",
      role: "seller",
      locale: "es",
      active: true,
      teamIds: [],
    });
    expect(principal).toMatchObject({
      tenantId: claims.tenantId,
      userId: claims.userId,
      name: "Grace Kim",
      role: "seller",
      locale: "es",
    });
  });

  it("refreshes name and email when the token says otherwise", async () => {
    const { store, provision } = await setUp();
    const claims = claimsOf();
    await provision(claims);

    await provision({ ...claims, name: "Grace Kim-Lee", email: "grace.lee@kimpartners.example" });

    expect(await store.getUser(claims.tenantId, claims.userId)).toMatchObject({
      name: "Grace Kim-Lee",
      email: "grace.lee@kimpartners.example",
    });
  });

  it("writes nothing when the token matches the stored user", async () => {
    const { store, provision } = await setUp();
    const claims = claimsOf();
    const first = await provision(claims);

    const again = await provision(claims);

    expect(versionOf(first.user)).toBeDefined();
    expect(versionOf(again.user)).toBe(versionOf(first.user));
    expect(versionOf(await store.getUser(claims.tenantId, claims.userId))).toBe(
      versionOf(first.user),
    );
  });

  it("creates one user and one tenant when a user's first requests arrive at once", async () => {
    const { store } = await setUp();
    const claims = claimsOf();
    // Separate provisioners: as many host instances as requests, none knows the tenant yet.
    const provisioners = Array.from({ length: 5 }, () =>
      createPrincipalProvisioner(store, () => NOW),
    );

    const principals = await Promise.all(provisioners.map((provision) => provision(claims)));

    expect(new Set(principals.map((principal) => principal.userId))).toEqual(
      new Set([claims.userId]),
    );
    expect((await store.listUsers(claims.tenantId)).items).toHaveLength(1);
    expect((await store.tenants.list()).filter((t) => t.tenantId === claims.tenantId)).toHaveLength(
      1,
    );
  });

  it("makes a manager of a user whose token has the Dealflow.Manager app role", async () => {
    const { store, provision } = await setUp();
    const claims = claimsOf({ roles: ["Other.Role", MANAGER_ROLE] });

    const principal = await provision(claims);

    expect(principal.role).toBe("manager");
    expect((await store.getUser(claims.tenantId, claims.userId))?.role).toBe("manager");
  });

  it("makes a manager of a user listed in the tenant's managerIds, without app roles", async () => {
    const { store, provision } = await setUp();
    const claims = claimsOf();
    await saveSettings(store, claims.tenantId, { managerIds: [claims.userId] });

    expect((await provision(claims)).role).toBe("manager");
  });

  it("makes a seller again of a manager whose app role was removed", async () => {
    const { store, provision } = await setUp();
    const claims = claimsOf({ roles: [MANAGER_ROLE] });
    await provision(claims);

    const principal = await provision({ ...claims, roles: [] });

    expect(principal.role).toBe("seller");
    expect((await store.getUser(claims.tenantId, claims.userId))?.role).toBe("seller");
  });
});
