import { DomainError } from "@dealflow/core";
import { decodeJwt, errors, type JWTPayload, jwtVerify } from "jose";
import { claimsOf, type TokenClaims, tenantOf } from "./token-claims.js";
import { type RejectionReason, TokenRejectedError } from "./token-rejected.js";
import { acceptsAudience, type TokenTrust } from "./token-trust.js";

/** Tolerated difference between our clock and the issuer's, for `exp` and `nbf`. */
export const CLOCK_SKEW_SECONDS = 60;

export type TokenValidator = (token: string) => Promise<TokenClaims>;

/**
 * One validation path for Entra and dev tokens; only the trust differs. Signature, algorithm
 * and times are jose's; issuer (per tenant), audience (App ID URI forms) and claims are ours.
 */
export const createTokenValidator = (trust: TokenTrust, clock: () => Date): TokenValidator => {
  const checkIssuer = (payload: JWTPayload) => {
    const tenantId = tenantOf(payload);
    const issuers = trust.issuers.map((issuer) => issuer.replaceAll("{tid}", tenantId));
    if (typeof payload.iss !== "string" || !issuers.includes(payload.iss)) {
      throw new TokenRejectedError("issuer");
    }
  };
  return async (token) => {
    // A first look before the signature: a token we would never trust costs no key fetch,
    // so forged tokens cannot make us hammer the JWKS endpoint. Decided on the verified claims.
    checkIssuer(decode(token));
    const payload = await verify(token, trust, clock());
    checkIssuer(payload);
    if (!acceptsAudience(trust.audience, payload.aud)) throw new TokenRejectedError("audience");
    return claimsOf(payload);
  };
};

const decode = (token: string): JWTPayload => {
  try {
    return decodeJwt(token);
  } catch {
    throw new TokenRejectedError("malformed");
  }
};

const verify = async (token: string, trust: TokenTrust, now: Date): Promise<JWTPayload> => {
  try {
    const { payload } = await jwtVerify(token, trust.keys, {
      algorithms: [...trust.algorithms],
      clockTolerance: CLOCK_SKEW_SECONDS,
      currentDate: now,
      requiredClaims: ["exp", "iss", "aud", "tid", "oid"],
    });
    return payload;
  } catch (error) {
    throw rejectionOf(error);
  }
};

/** A bad token is 401; keys we cannot fetch are our outage (503), not the caller's fault. */
const rejectionOf = (error: unknown): Error => {
  const reason = reasonOf(error);
  if (reason !== null) return new TokenRejectedError(reason);
  return new DomainError("unavailable", "Sign-in keys cannot be fetched; try again shortly.");
};

const reasonOf = (error: unknown): RejectionReason | null => {
  if (error instanceof errors.JWTExpired) return "expired";
  if (error instanceof errors.JWTClaimValidationFailed) {
    return error.claim === "nbf" || error.claim === "iat" ? "not-yet-valid" : "claims";
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return "algorithm";
  if (error instanceof errors.JWSSignatureVerificationFailed) return "signature";
  if (error instanceof errors.JWKSNoMatchingKey) return "signature";
  if (error instanceof errors.JWKSMultipleMatchingKeys) return "signature";
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return "malformed";
  if (error instanceof errors.JOSENotSupported || error instanceof errors.JWKInvalid) {
    return "untrusted";
  }
  return null;
};
