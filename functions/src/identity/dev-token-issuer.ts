import { generateKeyPairSync, type KeyObject, randomUUID } from "node:crypto";
import { createLocalJWKSet, type JWK, SignJWT } from "jose";
import { MANAGER_ROLE, REQUIRED_SCOPE } from "./token-claims.js";
import type { TokenTrust } from "./token-trust.js";

// `.invalid` is reserved (RFC 2606): no real issuer or API can ever have these names.
export const DEV_ISSUER = "https://dealflow.invalid/dev/{tid}/v2.0";
export const DEV_AUDIENCE = "api://dealflow.invalid/dealflow-dev";
/** A working day, so the browser-mode tab does not need to sign in again over lunch. */
export const DEV_TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;

/** Who a dev token is for: Entra's claims, as a Teams SSO token would carry them. */
export type DevTokenSubject = {
  tenantId: string;
  userId: string;
  name?: string;
  email?: string | null;
  roles?: readonly string[];
};

export type DevTokenIssuer = {
  /** What the validator trusts in dev mode: this issuer's public key only. */
  trust(): TokenTrust;
  sign(subject: DevTokenSubject): Promise<string>;
};

type DevKey = { privateKey: KeyObject; kid: string; trust: TokenTrust };

/**
 * Dev mode's token issuer: an RSA key made in memory on first use (so every start gets a new
 * one and no dev token outlives the process), trusted through the same validator as Entra's.
 */
export const createDevTokenIssuer = (clock: () => Date): DevTokenIssuer => {
  let key: DevKey | undefined;
  const devKey = (): DevKey => {
    if (key) return key;
    const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const kid = randomUUID();
    const jwk: JWK = { ...pair.publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" };
    key = {
      privateKey: pair.privateKey,
      kid,
      trust: {
        keys: createLocalJWKSet({ keys: [jwk] }),
        algorithms: ["RS256"],
        issuers: [DEV_ISSUER],
        audience: { exact: [DEV_AUDIENCE], clientId: null },
      },
    };
    return key;
  };

  return {
    trust: () => devKey().trust,
    async sign(subject) {
      const { privateKey, kid } = devKey();
      const now = Math.floor(clock().getTime() / 1000);
      return new SignJWT({
        tid: subject.tenantId,
        oid: subject.userId,
        ...(subject.name !== undefined ? { name: subject.name } : {}),
        ...(subject.email ? { preferred_username: subject.email } : {}),
        scp: REQUIRED_SCOPE,
        ...(subject.roles && subject.roles.length > 0 ? { roles: [...subject.roles] } : {}),
        ver: "2.0",
      })
        .setProtectedHeader({ alg: "RS256", typ: "JWT", kid })
        .setIssuer(DEV_ISSUER.replaceAll("{tid}", subject.tenantId))
        .setAudience(DEV_AUDIENCE)
        .setSubject(subject.userId)
        .setIssuedAt(now)
        .setNotBefore(now)
        .setExpirationTime(now + DEV_TOKEN_LIFETIME_SECONDS)
        .sign(privateKey);
    },
  };
};

/** The app roles a dev token carries for a stored user's role. */
export const rolesForRole = (role: "seller" | "manager"): string[] =>
  role === "manager" ? [MANAGER_ROLE] : [];
