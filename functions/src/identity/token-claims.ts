import type { JWTPayload } from "jose";
import { TokenRejectedError } from "./token-rejected.js";

/** The delegated scope the Teams SSO token must carry (the app's exposed API scope). */
export const REQUIRED_SCOPE = "access_as_user";
/** The Entra app role that makes a manager (SPEC §7). */
export const MANAGER_ROLE = "Dealflow.Manager";

/** What Dealflow takes from a verified token: who (`tid`, `oid`) and how they are called. */
export type TokenClaims = {
  tenantId: string;
  userId: string;
  name: string | null;
  email: string | null;
  roles: string[];
};

// Entra tenant and object ids are GUIDs; checking the shape keeps anything else out of
// issuer templates and storage keys.
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isGuid = (value: unknown): value is string =>
  typeof value === "string" && GUID.test(value);

/** The token's tenant, checked before the issuer is built from it. */
export const tenantOf = (payload: JWTPayload): string => {
  const tid = payload.tid;
  if (!isGuid(tid)) throw new TokenRejectedError("claims");
  return tid.toLowerCase();
};

const text = (value: unknown): string | null =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : null;

const scopesOf = (payload: JWTPayload): string[] => {
  const scp = payload.scp;
  return typeof scp === "string" ? scp.split(" ").filter(Boolean) : [];
};

const rolesOf = (payload: JWTPayload): string[] =>
  Array.isArray(payload.roles)
    ? payload.roles.filter((role): role is string => typeof role === "string")
    : [];

/** Reads the claims of a token whose signature, issuer, audience and times are already verified. */
export const claimsOf = (payload: JWTPayload): TokenClaims => {
  const tenantId = tenantOf(payload);
  if (!isGuid(payload.oid)) throw new TokenRejectedError("claims");
  if (!scopesOf(payload).includes(REQUIRED_SCOPE)) throw new TokenRejectedError("scope");
  return {
    tenantId,
    userId: payload.oid.toLowerCase(),
    name: text(payload.name),
    // v2 tokens carry the sign-in name in preferred_username, v1 tokens in upn.
    email: text(payload.preferred_username) ?? text(payload.upn) ?? text(payload.email),
    roles: rolesOf(payload),
  };
};
