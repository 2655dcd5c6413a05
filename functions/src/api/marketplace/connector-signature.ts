import { createHmac, timingSafeEqual } from "node:crypto";
import type { HttpRequest } from "@azure/functions";
import { HttpProblem } from "../http/api-problem.js";

/** How far a signed timestamp may be from our clock, either way (SPEC §6: no old replays). */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

export const SIGNATURE_HEADER = "x-dealflow-signature";
export const TIMESTAMP_HEADER = "x-dealflow-timestamp";

const HEX_SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;
const UNIX_SECONDS = /^\d{1,12}$/;

/**
 * What the marketplace signs: the timestamp header, a dot, then the raw body bytes. Signing
 * the timestamp with the body is what makes it binding: a captured request cannot be sent
 * again later with a fresh timestamp.
 */
export const signedPayload = (timestamp: string, body: Buffer): Buffer =>
  Buffer.concat([Buffer.from(`${timestamp}.`, "utf8"), body]);

export const connectorSignature = (secret: string, timestamp: string, body: Buffer): string =>
  `sha256=${createHmac("sha256", secret).update(signedPayload(timestamp, body)).digest("hex")}`;

// One answer for every failure: which check failed would help someone forging requests.
const refused = () =>
  new HttpProblem(
    401,
    "Unauthorized",
    "Sign the request: X-Dealflow-Timestamp (Unix seconds, within 5 minutes) and X-Dealflow-Signature: sha256=<hex HMAC-SHA256 of `timestamp.body` with the connector's secret>.",
  );

/**
 * SPEC §6: HMAC-SHA256 over `{timestamp}.{raw body}` with the connector's secret, compared
 * in constant time; the timestamp must be within ±5 minutes of now.
 */
export const assertConnectorSigned = (
  request: HttpRequest,
  body: Buffer,
  secret: string,
  now: Date,
): void => {
  const timestamp = request.headers.get(TIMESTAMP_HEADER)?.trim() ?? "";
  const match = HEX_SIGNATURE.exec(request.headers.get(SIGNATURE_HEADER)?.trim() ?? "");
  if (secret === "" || !match?.[1] || !UNIX_SECONDS.test(timestamp)) throw refused();
  const skew = Math.abs(now.getTime() / 1000 - Number(timestamp));
  if (skew > SIGNATURE_TOLERANCE_SECONDS) throw refused();
  const expected = createHmac("sha256", secret).update(signedPayload(timestamp, body)).digest();
  if (!timingSafeEqual(Buffer.from(match[1], "hex"), expected)) throw refused();
};
