import { createHmac, timingSafeEqual } from "node:crypto";

/** What a review link's token carries: which link of which tenant, and until when it works. */
export type ReviewTokenClaims = { tenantId: string; linkId: string; expiresAt: Date };

// `|` cannot occur in a tenant or link id (storage/keys.ts refuses it in keys).
const FIELD_SEPARATOR = "|";
const SAFE_ID = /^[A-Za-z0-9._:@+-]{1,200}$/;

const signatureOf = (payload: string, key: Buffer): Buffer =>
  createHmac("sha256", key).update(payload).digest();

/**
 * SPEC §8: `<payload>.<signature>`, both base64url; the payload is `tenant|link|expiry`
 * (seconds), the signature HMAC-SHA256 of the encoded payload with the tenant's key. Nothing
 * secret is in it: the tenant and link ids only name rows the key protects.
 */
export const signReviewToken = (claims: ReviewTokenClaims, key: Buffer): string => {
  const seconds = Math.floor(claims.expiresAt.getTime() / 1000);
  const payload = Buffer.from(
    [claims.tenantId, claims.linkId, String(seconds)].join(FIELD_SEPARATOR),
    "utf8",
  ).toString("base64url");
  return `${payload}.${signatureOf(payload, key).toString("base64url")}`;
};

/**
 * The claims a token says it has, not yet trusted: enough to find the tenant's key. Null for
 * anything that is not a well-formed token.
 */
export const readReviewToken = (token: string): ReviewTokenClaims | null => {
  const parts = token.split(".");
  if (parts.length !== 2 || !parts[0] || !parts[1] || token.length > 1_000) return null;
  const fields = Buffer.from(parts[0], "base64url").toString("utf8").split(FIELD_SEPARATOR);
  const [tenantId, linkId, seconds] = fields;
  if (fields.length !== 3 || !tenantId || !linkId || !seconds) return null;
  if (!SAFE_ID.test(tenantId) || !SAFE_ID.test(linkId) || !/^\d{1,12}$/.test(seconds)) return null;
  return { tenantId, linkId, expiresAt: new Date(Number(seconds) * 1000) };
};

/** Whether `token` was signed with `key`; compared in constant time. */
export const hasValidSignature = (token: string, key: Buffer): boolean => {
  const [payload = "", signature = ""] = token.split(".");
  // Compared as text: base64url decoding ignores stray characters and unused trailing bits,
  // so two different strings could decode to the same bytes.
  const given = Buffer.from(signature, "utf8");
  const expected = Buffer.from(signatureOf(payload, key).toString("base64url"), "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
};
