import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hasValidSignature, readReviewToken, signReviewToken } from "./review-token.js";

const key = randomBytes(32);
const claims = {
  tenantId: "5f0c6d1e-9a2b-4c3d-8e7f-001122334455",
  linkId: "review-request:01J0000000000000000000000A:01J0000000000000000000000B",
  expiresAt: new Date("2026-04-01T09:00:00.000Z"),
};
const token = signReviewToken(claims, key);

describe("review tokens", () => {
  it("carry their claims and verify with the key that signed them", () => {
    expect(readReviewToken(token)).toEqual(claims);
    expect(hasValidSignature(token, key)).toBe(true);
  });

  it("do not verify with another key", () => {
    expect(hasValidSignature(token, randomBytes(32))).toBe(false);
  });

  it("do not verify once the payload is changed", () => {
    const forged = signReviewToken({ ...claims, expiresAt: new Date("2030-01-01") }, key);
    const swapped = `${forged.split(".")[0]}.${token.split(".")[1]}`;
    expect(hasValidSignature(swapped, key)).toBe(false);
  });

  it("do not verify with a signature that only decodes alike", () => {
    const [payload, signature = ""] = token.split(".");
    // 32 bytes leave two unused bits in the last character: change only those.
    const last = signature.at(-1) ?? "A";
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const twin = alphabet[alphabet.indexOf(last) ^ 1];
    expect(hasValidSignature(`${payload}.${signature.slice(0, -1)}${twin}`, key)).toBe(false);
  });

  it.each(["", "abc", "a.b.c", ".sig", `${Buffer.from("t|l").toString("base64url")}.x`])(
    "read nothing from the malformed token %j",
    (malformed) => {
      expect(readReviewToken(malformed)).toBeNull();
    },
  );
});
