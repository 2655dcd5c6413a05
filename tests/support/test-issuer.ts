import { generateKeyPairSync, type KeyObject, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type JWK, type JWTPayload, SignJWT } from "jose";

/** A stand-in for Entra: an RSA key whose JWKS is served on 127.0.0.1, and a signer. */
export type TestIssuer = {
  jwksUri: string;
  kid: string;
  /** JWKS requests served so far (to see the cache at work). */
  fetches(): number;
  /** Signs `payload` RS256 with this issuer's key (or `key`, to forge with a wrong one). */
  sign(payload: JWTPayload, options?: { key?: KeyObject; kid?: string }): Promise<string>;
  close(): Promise<void>;
};

export const newRsaKey = (): KeyObject =>
  generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;

export const startTestIssuer = async (): Promise<TestIssuer> => {
  const pair = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = randomUUID();
  const jwk: JWK = { ...pair.publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" };
  let fetches = 0;
  const server = createServer((_req, res) => {
    fetches += 1;
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    jwksUri: `http://127.0.0.1:${port}/discovery/v2.0/keys`,
    kid,
    fetches: () => fetches,
    sign: (payload, options = {}) =>
      new SignJWT(payload)
        .setProtectedHeader({ alg: "RS256", typ: "JWT", kid: options.kid ?? kid })
        .sign(options.key ?? pair.privateKey),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};
