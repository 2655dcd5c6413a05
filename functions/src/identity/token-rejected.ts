import { UnauthorizedError } from "./principal.js";

/** Why a token was refused: for the log only, never for the caller. */
export type RejectionReason =
  | "missing"
  | "malformed"
  | "algorithm"
  | "signature"
  | "expired"
  | "not-yet-valid"
  | "audience"
  | "issuer"
  | "claims"
  | "scope"
  | "untrusted";

// The caller learns only what helps them act (sign in again, ask for consent); which check
// failed stays in our log, so a forger learns nothing from the answers.
const DETAILS: Record<RejectionReason, string> = {
  missing: "Sign in: the request needs an Authorization: Bearer token.",
  malformed: "The bearer token is not valid.",
  algorithm: "The bearer token is not valid.",
  signature: "The bearer token is not valid.",
  expired: "The bearer token has expired; sign in again.",
  "not-yet-valid": "The bearer token is not valid yet.",
  audience: "The bearer token is not valid.",
  issuer: "The bearer token is not valid.",
  claims: "The bearer token is not valid.",
  scope: "The bearer token does not grant access to Dealflow (access_as_user).",
  untrusted: "The bearer token is not valid.",
};

/** An UnauthorizedError that also says, for the log, which check refused the token. */
export class TokenRejectedError extends UnauthorizedError {
  readonly reason: RejectionReason;

  constructor(reason: RejectionReason) {
    super(DETAILS[reason]);
    this.name = "TokenRejectedError";
    this.reason = reason;
  }
}
