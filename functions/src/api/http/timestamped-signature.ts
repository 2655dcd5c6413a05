import { createHmac, timingSafeEqual } from "node:crypto";

/** How far a signed timestamp may be from our clock, either way (SPEC §6: no old replays). */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

export const SIGNATURE_HEADER = "x-dealflow-signature";
export const TIMESTAMP_HEADER = "x-dealflow-timestamp";

const UNIX_SECONDS = /^\d{1,12}$/;

/**
 * What a sender signs: the timestamp header, a dot, then the raw body bytes. Signing the
 * timestamp with the body is what makes it binding: a captured request cannot be sent again
 * later with a fresh timestamp.
 */
export const signedPayload = (timestamp: string, body: Buffer): Buffer =>
  Buffer.concat([Buffer.from(`${timestamp}.`, "utf8"), body]);

export const hmacOf = (secret: string, payload: Buffer): Buffer =>
  createHmac("sha256", secret).update(payload).digest();

/** Constant-time comparison of a hex signature with the expected HMAC. */
export const sameSignature = (hex: string, expected: Buffer): boolean => {
  const given = Buffer.from(hex, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
};

/**
 * True when `timestamp` (Unix seconds) is within ±5 minutes of `now` and `signatureHex` is
 * the HMAC-SHA256 of `{timestamp}.{body}` with `secret`. Marketplace connectors and web forms
 * sign alike.
 */
export const isTimestampedSignatureValid = (input: {
  secret: string;
  timestamp: string;
  signatureHex: string;
  body: Buffer;
  now: Date;
}): boolean => {
  const { secret, timestamp, signatureHex, body, now } = input;
  if (secret === "" || !UNIX_SECONDS.test(timestamp)) return false;
  const skew = Math.abs(now.getTime() / 1000 - Number(timestamp));
  if (skew > SIGNATURE_TOLERANCE_SECONDS) return false;
  return sameSignature(signatureHex, hmacOf(secret, signedPayload(timestamp, body)));
};
