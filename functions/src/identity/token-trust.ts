import { createRemoteJWKSet, type JWTVerifyGetKey } from "jose";
import type { AppConfig } from "../config/app-config.js";

/** Entra's multi-tenant signing keys (every tenant's tokens are signed by these). */
export const ENTRA_JWKS_URI = "https://login.microsoftonline.com/common/discovery/v2.0/keys";
/** Entra issues v1 and v2 access tokens; which one depends on the app's manifest. */
export const ENTRA_ISSUERS = [
  "https://sts.windows.net/{tid}/",
  "https://login.microsoftonline.com/{tid}/v2.0",
] as const;

/** Whom the validator believes: the keys, the issuers (`{tid}` = the token's tenant), the audiences. */
export type TokenTrust = {
  keys: JWTVerifyGetKey;
  /** Only these signing algorithms; anything else (`none`, HS256 with a public key) is refused. */
  algorithms: readonly string[];
  issuers: readonly string[];
  audience: AudienceRule;
};

/** Exact audiences, plus the App ID URI forms of a client id (`api://{clientId}`, `api://host/{clientId}`). */
export type AudienceRule = { exact: readonly string[]; clientId: string | null };

const JWKS_CACHE_MS = 60 * 60 * 1000;
// A token with an unknown `kid` refetches the keys (rotation) at most this often.
const JWKS_COOLDOWN_MS = 30 * 1000;
const JWKS_TIMEOUT_MS = 5 * 1000;

const splitList = (value: string): string[] =>
  value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);

/** AUTH_AUDIENCE (a comma list) replaces the default of the client id and its App ID URIs. */
export const audienceRuleOf = (config: AppConfig): AudienceRule => {
  if (config.auth.audience !== undefined) {
    return { exact: splitList(config.auth.audience), clientId: null };
  }
  const clientId = config.aadApp.clientId ?? null;
  return { exact: clientId ? [clientId] : [], clientId };
};

/** Entra mode: Entra's keys and issuers unless AUTH_JWKS_URI / AUTH_ISSUER override them. */
export const entraTrust = (config: AppConfig): TokenTrust => ({
  keys: createRemoteJWKSet(new URL(config.auth.jwksUri ?? ENTRA_JWKS_URI), {
    cacheMaxAge: JWKS_CACHE_MS,
    cooldownDuration: JWKS_COOLDOWN_MS,
    timeoutDuration: JWKS_TIMEOUT_MS,
  }),
  algorithms: ["RS256"],
  issuers: config.auth.issuer !== undefined ? splitList(config.auth.issuer) : ENTRA_ISSUERS,
  audience: audienceRuleOf(config),
});

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export const acceptsAudience = (rule: AudienceRule, aud: unknown): boolean => {
  const audiences = typeof aud === "string" ? [aud] : Array.isArray(aud) ? aud : [];
  const appIdUri =
    rule.clientId === null
      ? null
      : new RegExp(`^api://(?:[^/\\s]+/)?${escapeRegExp(rule.clientId)}$`, "i");
  return audiences.some(
    (value) =>
      typeof value === "string" && (rule.exact.includes(value) || (appIdUri?.test(value) ?? false)),
  );
};
