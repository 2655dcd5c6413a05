import type { HttpRequest } from "@azure/functions";
import { HttpProblem } from "../../api/http/api-problem.js";
import {
  hmacOf,
  isTimestampedSignatureValid,
  SIGNATURE_HEADER,
  signedPayload,
  TIMESTAMP_HEADER,
} from "../../api/http/timestamped-signature.js";

export { SIGNATURE_TOLERANCE_SECONDS } from "../../api/http/timestamped-signature.js";

const HEX_SIGNATURE = /^sha256=([0-9a-fA-F]{64})$/;

export const connectorSignature = (secret: string, timestamp: string, body: Buffer): string =>
  `sha256=${hmacOf(secret, signedPayload(timestamp, body)).toString("hex")}`;

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
  if (!match?.[1]) throw refused();
  if (!isTimestampedSignatureValid({ secret, timestamp, signatureHex: match[1], body, now })) {
    throw refused();
  }
};
