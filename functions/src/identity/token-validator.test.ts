import { isDomainError } from "@dealflow/core";
import { type JWTPayload, SignJWT, UnsecuredJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../../../host/src/azurite/azurite.js";
import { newRsaKey, startTestIssuer, type TestIssuer } from "../../../tests/support/test-issuer.js";
import { readAppConfig } from "../config/app-config.js";
import type { Env } from "../config/env-readers.js";
import { UnauthorizedError } from "./principal.js";
import { TokenRejectedError } from "./token-rejected.js";
import { entraTrust } from "./token-trust.js";
import { createTokenValidator } from "./token-validator.js";

const NOW = new Date("2026-03-02T10:00:00Z");
const NOW_S = NOW.getTime() / 1000;
const CLIENT_ID = "0d3e1a52-7c1b-4d8e-9f55-2a6b3c4d5e6f";
const TID = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const OTHER_TID = "11111111-2222-4333-8444-555555555555";
const OID = "5a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const V2_ISSUER = `https://login.microsoftonline.com/${TID}/v2.0`;

let issuer: TestIssuer;
beforeAll(async () => {
  issuer = await startTestIssuer();
});
afterAll(() => issuer.close());

const validatorWith = (env: Env = {}) =>
  createTokenValidator(
    entraTrust(
      readAppConfig(
        {
          AUTH_MODE: "entra",
          AUTH_JWKS_URI: issuer.jwksUri,
          AAD_APP_CLIENT_ID: CLIENT_ID,
          ...env,
        },
        "local-host",
      ),
    ),
    () => NOW,
  );

/** A Teams SSO v2 access token's claims; `changes` replace (or, as undefined, drop) claims. */
const claims = (changes: JWTPayload = {}): JWTPayload => ({
  iss: V2_ISSUER,
  aud: CLIENT_ID,
  tid: TID,
  oid: OID,
  name: "Ana García",
  preferred_username: "ana@contoso.example",
  scp: "access_as_user",
  ver: "2.0",
  iat: NOW_S - 60,
  nbf: NOW_S - 60,
  exp: NOW_S + 3600,
  ...changes,
});

const reasonOf = async (token: Promise<string> | string, env?: Env) => {
  try {
    await validatorWith(env)(await token);
  } catch (error) {
    expect(error).toBeInstanceOf(UnauthorizedError);
    return error instanceof TokenRejectedError ? error.reason : "not a TokenRejectedError";
  }
  return "accepted";
};

describe("createTokenValidator (entra trust, JWKS on 127.0.0.1)", () => {
  it("accepts a v2 token for the client id and reads who it is for", async () => {
    const token = await issuer.sign(claims({ roles: ["Dealflow.Manager"] }));

    await expect(validatorWith()(token)).resolves.toEqual({
      tenantId: TID,
      userId: OID,
      name: "Ana García",
      email: "ana@contoso.example",
      roles: ["Dealflow.Manager"],
    });
  });

  it.each([
    [
      "a v1 token (sts.windows.net issuer, App ID URI audience)",
      { iss: `https://sts.windows.net/${TID}/`, aud: `api://${CLIENT_ID}` },
    ],
    [
      "the Teams App ID URI audience api://host/{clientId}",
      { aud: `api://dealflow.contoso.example/${CLIENT_ID}` },
    ],
    ["a token that expired within the 60 s clock skew", { exp: NOW_S - 30 }],
    ["a token valid from within the 60 s clock skew", { nbf: NOW_S + 30 }],
    ["other scopes beside access_as_user", { scp: "User.Read access_as_user" }],
  ])("accepts %s", async (_case, changes) => {
    expect(await reasonOf(issuer.sign(claims(changes)))).toBe("accepted");
  });

  it.each([
    [
      "another tenant's issuer",
      { iss: `https://login.microsoftonline.com/${OTHER_TID}/v2.0` },
      "issuer",
    ],
    ["another tenant's v1 issuer", { iss: `https://sts.windows.net/${OTHER_TID}/` }, "issuer"],
    ["a foreign issuer", { iss: `https://evil.example/${TID}/v2.0` }, "issuer"],
    ["no issuer", { iss: undefined }, "issuer"],
    ["another app's audience", { aud: "6e6f7468-696e-4720-9c6c-6f6f6b6f7574" }, "audience"],
    ["another app's App ID URI", { aud: "api://contoso.example/other-app" }, "audience"],
    [
      "an App ID URI that only ends with the client id",
      { aud: `api://x/y/${CLIENT_ID}` },
      "audience",
    ],
    ["a token expired beyond the clock skew", { exp: NOW_S - 61 }, "expired"],
    ["a token not valid yet beyond the clock skew", { nbf: NOW_S + 120 }, "not-yet-valid"],
    ["no scp (an app-only token)", { scp: undefined, roles: ["Dealflow.Manager"] }, "scope"],
    ["another scope only", { scp: "User.Read" }, "scope"],
    ["a tid that is not a GUID", { tid: "contoso" }, "claims"],
    ["no oid", { oid: undefined }, "claims"],
    ["an oid that is not a GUID", { oid: "admin" }, "claims"],
    ["no expiry", { exp: undefined }, "claims"],
  ])("refuses %s", async (_case, changes, reason) => {
    expect(await reasonOf(issuer.sign(claims(changes)))).toBe(reason);
  });

  it("refuses an unsigned token (alg none)", async () => {
    const token = new UnsecuredJWT(claims()).encode();

    expect(await reasonOf(token)).toBe("algorithm");
  });

  it("refuses a token signed with another key under the trusted kid", async () => {
    expect(await reasonOf(issuer.sign(claims(), { key: newRsaKey() }))).toBe("signature");
  });

  it("refuses a token signed with another key under an unknown kid", async () => {
    const token = issuer.sign(claims(), { key: newRsaKey(), kid: "not-a-trusted-kid" });

    expect(await reasonOf(token)).toBe("signature");
  });

  it("refuses HS256 signed with the trusted public key as the secret (algorithm confusion)", async () => {
    const jwks = (await (await fetch(issuer.jwksUri)).json()) as { keys: { n: string }[] };
    const secret = new TextEncoder().encode(jwks.keys[0]?.n ?? "");
    const token = await new SignJWT(claims())
      .setProtectedHeader({ alg: "HS256", kid: issuer.kid })
      .sign(secret);

    expect(await reasonOf(token)).toBe("algorithm");
  });

  it.each(["not-a-token", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.bm90LWpzb24.c2ln", "...."])(
    "refuses the malformed token %j",
    async (token) => {
      expect(await reasonOf(token)).toBe("malformed");
    },
  );

  it("tells the caller the same thing whichever integrity check failed", async () => {
    const forged = [
      issuer.sign(claims(), { key: newRsaKey() }),
      issuer.sign(claims({ aud: "api://other" })),
      issuer.sign(claims({ iss: "https://evil.example/" })),
      "a.b.c",
    ];
    const details = new Set<string>();
    for (const token of forged) {
      await validatorWith()(await token).catch((error: Error) => details.add(error.message));
    }

    expect([...details]).toEqual(["The bearer token is not valid."]);
  });

  it("trusts AUTH_ISSUER (with {tid}) and every audience of AUTH_AUDIENCE instead of Entra's", async () => {
    const env = {
      AUTH_ISSUER: "https://login.microsoftonline.us/{tid}/v2.0",
      AUTH_AUDIENCE: "api://gov.example/dealflow, 9f1e2d3c-4b5a-4697-8877-665544332211",
    };
    const sovereign = { iss: `https://login.microsoftonline.us/${TID}/v2.0` };

    expect(
      await reasonOf(issuer.sign(claims({ ...sovereign, aud: "api://gov.example/dealflow" })), env),
    ).toBe("accepted");
    expect(
      await reasonOf(
        issuer.sign(claims({ ...sovereign, aud: "9f1e2d3c-4b5a-4697-8877-665544332211" })),
        env,
      ),
    ).toBe("accepted");
    expect(await reasonOf(issuer.sign(claims({ ...sovereign })), env)).toBe("audience");
    expect(await reasonOf(issuer.sign(claims()), env)).toBe("issuer");
  });

  it("refuses every token when neither a client id nor AUTH_AUDIENCE is configured", async () => {
    expect(await reasonOf(issuer.sign(claims()), { AAD_APP_CLIENT_ID: "" })).toBe("audience");
  });

  it("fetches the JWKS once for many tokens", async () => {
    const validate = validatorWith();
    const before = issuer.fetches();

    for (const name of ["A", "B", "C"]) await validate(await issuer.sign(claims({ name })));

    expect(issuer.fetches() - before).toBe(1);
  });

  it("answers 'unavailable' (a 503), not 401, when the JWKS cannot be fetched", async () => {
    const closed = `http://127.0.0.1:${await freePort()}/keys`;
    const validate = validatorWith({ AUTH_JWKS_URI: closed });

    const error = await validate(await issuer.sign(claims())).catch((e: unknown) => e);

    expect(isDomainError(error) && error.code).toBe("unavailable");
  });
});
