import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { HttpRequest } from "@azure/functions";
import { HttpProblem } from "../http/api-problem.js";

// Hashing both sides first gives equal lengths, so the comparison itself leaks nothing.
const sameSecret = (given: string, expected: string): boolean =>
  timingSafeEqual(
    createHash("sha256").update(given).digest(),
    createHash("sha256").update(expected).digest(),
  );

const HEX_SIGNATURE = /^(?:sha256=)?([0-9a-fA-F]{64})$/;

const validSignature = (header: string, body: Buffer, secret: string): boolean => {
  const match = HEX_SIGNATURE.exec(header.trim());
  if (!match?.[1]) return false;
  const expected = createHmac("sha256", secret).update(body).digest();
  return timingSafeEqual(Buffer.from(match[1], "hex"), expected);
};

const refused = () =>
  new HttpProblem(
    401,
    "Unauthorized",
    "Send the form's secret in X-Dealflow-Key or an HMAC-SHA256 of the body in X-Dealflow-Signature.",
  );

/**
 * SPEC §6: the per-form secret itself (`X-Dealflow-Key`) or an HMAC-SHA256 of the raw body
 * keyed by it (`X-Dealflow-Signature`, hex, optionally `sha256=`-prefixed as GitHub does).
 * A form without a secret accepts nothing.
 */
export const assertIntakeAuthentic = (
  request: HttpRequest,
  body: Buffer,
  secret: string | null,
): void => {
  if (secret === null) throw refused();
  const key = request.headers.get("x-dealflow-key");
  const signature = request.headers.get("x-dealflow-signature");
  if (key !== null && sameSecret(key, secret)) return;
  if (signature !== null && validSignature(signature, body, secret)) return;
  throw refused();
};
