import { createHash, timingSafeEqual } from "node:crypto";
import type { HttpRequest } from "@azure/functions";
import { HttpProblem } from "../../api/http/api-problem.js";
import {
  hmacOf,
  isTimestampedSignatureValid,
  SIGNATURE_HEADER,
  sameSignature,
  TIMESTAMP_HEADER,
} from "../../api/http/timestamped-signature.js";

/**
 * How a lead proved its form's secret. A signature also names the request itself (its hex
 * HMAC), which makes a lead without an externalId idempotent: see intake.route.ts.
 */
export type IntakeProof =
  | { kind: "key" }
  | { kind: "timestamped-signature"; signature: string }
  | { kind: "unstamped-signature"; signature: string };

// Hashing both sides first gives equal lengths, so the comparison itself leaks nothing.
const sameSecret = (given: string, expected: string): boolean =>
  timingSafeEqual(
    createHash("sha256").update(given).digest(),
    createHash("sha256").update(expected).digest(),
  );

const HEX_SIGNATURE = /^(?:sha256=)?([0-9a-fA-F]{64})$/;

// One answer for every failure, as for marketplace connectors.
const refused = () =>
  new HttpProblem(
    401,
    "Unauthorized",
    "Send the form's secret in X-Dealflow-Key, or sign: X-Dealflow-Timestamp (Unix seconds, within 5 minutes) and X-Dealflow-Signature: sha256=<hex HMAC-SHA256 of `timestamp.body` with the secret>.",
  );

/**
 * SPEC §6, three ways (docs/api.md "Web-form intake"): the per-form secret itself
 * (`X-Dealflow-Key`); an HMAC-SHA256 of `{timestamp}.{raw body}` with `X-Dealflow-Timestamp`
 * within ±5 minutes, as marketplace connectors sign; or, deprecated, an HMAC of the raw body
 * alone. A timestamp header always means the second: stripping it from a captured request, or
 * refreshing it, cannot turn a stale request into a valid one. A form without a secret
 * accepts nothing.
 */
export const assertIntakeAuthentic = (
  request: HttpRequest,
  body: Buffer,
  secret: string | null,
  now: Date,
): IntakeProof => {
  if (secret === null || secret === "") throw refused();
  const key = request.headers.get("x-dealflow-key");
  if (key !== null && sameSecret(key, secret)) return { kind: "key" };
  const hex = HEX_SIGNATURE.exec(request.headers.get(SIGNATURE_HEADER)?.trim() ?? "")?.[1];
  if (hex === undefined) throw refused();
  const timestamp = request.headers.get(TIMESTAMP_HEADER);
  if (timestamp !== null) {
    const valid = isTimestampedSignatureValid({
      secret,
      timestamp: timestamp.trim(),
      signatureHex: hex,
      body,
      now,
    });
    if (!valid) throw refused();
    return { kind: "timestamped-signature", signature: hex.toLowerCase() };
  }
  if (!sameSignature(hex, hmacOf(secret, body))) throw refused();
  return { kind: "unstamped-signature", signature: hex.toLowerCase() };
};
