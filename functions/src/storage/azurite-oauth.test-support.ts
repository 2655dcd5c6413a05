import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AccessToken, TokenCredential } from "@azure/identity";
import { UnsecuredJWT } from "jose";
import { freePort } from "../../../host/src/azurite/azurite.js";

/**
 * An Azurite that only a bearer token opens: `--oauth basic` checks a token's issuer, audience
 * and lifetime (not its signature) and works over HTTPS only, so it gets a throw-away
 * self-signed certificate from openssl. The nearest thing to Azure's managed identity here.
 */
export type OAuthAzurite = { tableUrl: string; queueUrl: string; stop(): Promise<void> };

const ACCOUNT = "devstoreaccount1";
const HOST = "127.0.0.1";

export const startOAuthAzurite = async (): Promise<OAuthAzurite> => {
  const dir = mkdtempSync(path.join(tmpdir(), "dealflow-oauth-azurite-"));
  const cert = path.join(dir, "cert.pem");
  const key = path.join(dir, "key.pem");
  execFileSync(
    "openssl",
    [
      ...["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"],
      ...["-keyout", key, "-out", cert, "-subj", `/CN=${HOST}`],
      ...["-addext", `subjectAltName=IP:${HOST}`],
    ],
    { stdio: "ignore" },
  );
  const [tablePort, queuePort, blobPort] = [await freePort(), await freePort(), await freePort()];
  const main = path.join(
    path.dirname(createRequire(import.meta.url).resolve("azurite/package.json")),
    "dist/src/azurite.js",
  );
  const child = spawn(
    process.execPath,
    [
      main,
      ...["--silent", "--disableTelemetry", "--skipApiVersionCheck", "--inMemoryPersistence"],
      ...["--oauth", "basic", "--cert", cert, "--key", key],
      ...["--blobHost", HOST, "--blobPort", String(blobPort)],
      ...["--tableHost", HOST, "--tablePort", String(tablePort)],
      ...["--queueHost", HOST, "--queuePort", String(queuePort)],
    ],
    { stdio: "ignore" },
  );
  await waitForPorts(child, [tablePort, queuePort]);
  return {
    tableUrl: `https://${HOST}:${tablePort}/${ACCOUNT}`,
    queueUrl: `https://${HOST}:${queuePort}/${ACCOUNT}`,
    async stop() {
      await stop(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** A stand-in for ManagedIdentityCredential: mints Entra-shaped storage tokens, records scopes. */
export const fakeEntraCredential = (lifetimeSeconds = 3_600) => {
  const scopes: string[] = [];
  const credential: TokenCredential = {
    async getToken(scope): Promise<AccessToken> {
      scopes.push(...(Array.isArray(scope) ? scope : [scope]));
      const now = Math.floor(Date.now() / 1000);
      const expiresOn = now + lifetimeSeconds;
      const token = new UnsecuredJWT({ oid: "managed-identity" })
        .setIssuer("https://sts.windows.net/00000000-0000-0000-0000-000000000001/")
        .setAudience("https://storage.azure.com")
        .setIssuedAt(now - 600)
        .setNotBefore(now - 600)
        .setExpirationTime(expiresOn)
        .encode();
      return { token, expiresOnTimestamp: expiresOn * 1000 };
    },
  };
  return { credential, scopes };
};

const waitForPorts = async (child: ChildProcess, ports: number[]) => {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Azurite exited with code ${child.exitCode}`);
    const open = await Promise.all(ports.map(canConnect));
    if (open.every(Boolean)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop(child);
  throw new Error("Azurite (OAuth, HTTPS) did not start within 30 s");
};

const canConnect = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: HOST, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
