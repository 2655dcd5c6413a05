import {
  defaultSettings,
  isDomainError,
  type Role,
  type Settings,
  type User,
} from "@dealflow/core";
import { userKey } from "../storage/rows/record.rows.js";
import type { Store } from "../storage/store.js";
import type { Principal } from "./principal.js";
import { MANAGER_ROLE, type TokenClaims } from "./token-claims.js";

type StoredUser = User & { version?: string };

export type PrincipalProvisioner = (claims: TokenClaims) => Promise<Principal>;

/** A write that lost a race with an identical write (two first requests at once). */
export const lostRace = (error: unknown) =>
  isDomainError(error) && (error.code === "already-exists" || error.code === "conflict");

/** SPEC §7: the app role in the token, or the tenant's list for tenants without app roles. */
export const roleOf = (claims: TokenClaims, settings: Settings): Role =>
  claims.roles.includes(MANAGER_ROLE) || settings.managerIds.includes(claims.userId)
    ? "manager"
    : "seller";

/**
 * Just-in-time provisioning: a trusted token is a user of its tenant, so a tenant's first
 * request registers it with default settings and a user's first request creates their
 * record; later requests refresh name, email and role from the token, writing only on change.
 */
export const createPrincipalProvisioner = (
  store: Store,
  clock: () => Date,
): PrincipalProvisioner => {
  // Tenants are never unregistered, so one successful check per process is enough.
  const knownTenants = new Set<string>();

  const ensureTenant = async (claims: TokenClaims) => {
    if (knownTenants.has(claims.tenantId)) return;
    if (!(await store.tenants.get(claims.tenantId))) {
      // Settings first: a tenant in the registry always has them, even if we stop in between.
      await store
        .commit(claims.tenantId, {
          changes: [{ entity: "settings", before: null, after: defaultSettings() }],
          schedule: [],
          cancel: [],
        })
        .catch((error: unknown) => {
          if (!lostRace(error)) throw error;
        });
      await store.tenants.register({
        tenantId: claims.tenantId,
        name: tenantNameOf(claims),
        createdAt: clock().toISOString(),
      });
    }
    knownTenants.add(claims.tenantId);
  };

  const writeUser = async (before: StoredUser | null, after: User): Promise<StoredUser> => {
    try {
      const result = await store.commit(after.tenantId, {
        changes: [{ entity: "user", before, after }],
        schedule: [],
        cancel: [],
      });
      const version = result.versions.get(userKey(after.id));
      return version ? { ...after, version } : after;
    } catch (error) {
      if (!lostRace(error)) throw error;
      // Another request of the same user wrote first; its record is as good as ours.
      const winner = await store.getUser(after.tenantId, after.id);
      if (!winner) throw error;
      return winner;
    }
  };

  return async (claims) => {
    await ensureTenant(claims);
    // Two independent point reads: at once, not one after the other (every request pays them).
    const [settings, stored] = await Promise.all([
      store.getSettings(claims.tenantId),
      store.getUser(claims.tenantId, claims.userId) as Promise<StoredUser | null>,
    ]);
    const role = roleOf(claims, settings);
    let user: StoredUser;
    if (stored === null) {
      user = await writeUser(null, {
        tenantId: claims.tenantId,
        id: claims.userId,
        name: claims.name ?? claims.email ?? claims.userId,
        email: claims.email,
        role,
        locale: settings.locale,
        timeZone: null,
        active: true,
        teamIds: [],
        roleConfirmedAt: clock().toISOString(),
      });
    } else {
      const refreshed = refresh(stored, claims, role, clock());
      user = refreshed === null ? stored : await writeUser(stored, refreshed);
    }
    return {
      tenantId: user.tenantId,
      userId: user.id,
      name: user.name,
      email: user.email,
      role,
      locale: user.locale,
      teamIds: user.teamIds,
      user,
    };
  };
};

/**
 * How often the record notes that a token confirmed the role: the bot, which sees no tokens,
 * trusts a stored manager role for a day after (core's storedRole). At most one write an hour.
 */
const ROLE_CONFIRM_INTERVAL_MS = 3_600_000;

/** The user with the token's name, email and role, or null when nothing needs writing. */
const refresh = (stored: StoredUser, claims: TokenClaims, role: Role, now: Date): User | null => {
  const { version: _version, ...record } = stored;
  const name = claims.name ?? stored.name;
  const email = claims.email ?? stored.email;
  const confirmedAt = stored.roleConfirmedAt ? Date.parse(stored.roleConfirmedAt) : Number.NaN;
  const confirmed = now.getTime() - confirmedAt < ROLE_CONFIRM_INTERVAL_MS;
  if (name === stored.name && email === stored.email && role === stored.role && confirmed) {
    return null;
  }
  return { ...record, name, email, role, roleConfirmedAt: now.toISOString() };
};

// Tokens do not carry the organisation's name; its mail domain is the best readable label.
const tenantNameOf = (claims: TokenClaims): string =>
  claims.email?.split("@")[1]?.toLowerCase() ?? claims.tenantId;
