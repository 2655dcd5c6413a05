import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { exportJWK, generateKeyPair, type JWK, SignJWT } from "jose";
import { inject } from "vitest";
import { type AppDeps, createAppDeps } from "../../functions/src/app-deps.js";
import { readAppConfig } from "../../functions/src/config/app-config.js";
import { answersLoopbackOnly } from "../../functions/src/config/loopback-only.js";
import { createFunctions } from "../../functions/src/create-functions.js";
import type { FunctionDefinition } from "../../functions/src/registry/function-definition.js";
import {
  createTableStorage,
  type TableStorage,
} from "../../functions/src/storage/table-storage.js";
import { startLocalHost } from "../../host/src/local-host.js";

/** Who a test request is from: any tenant, any user, optionally a manager by app role. */
export type TestUser = {
  tenantId: string;
  userId: string;
  name?: string;
  email?: string;
  manager?: boolean;
};

export type ApiAnswer = {
  status: number;
  headers: Headers;
  /** Parsed JSON (problem+json included), the text otherwise, null when empty. */
  body: unknown;
  text: string;
};

export type ApiHarness = {
  url: string;
  deps: AppDeps;
  /** The harness's tables, for raw "nothing was written" checks and fault injection only. */
  storage: TableStorage;
  /** A signed Entra-shaped token for `user`; `claims` overrides or removes (undefined) claims. */
  tokenFor(user: TestUser, claims?: Record<string, unknown>): Promise<string>;
  /** One API call as `user` (null: no token). JSON bodies are serialised. */
  call(
    user: TestUser | null,
    method: string,
    path: string,
    options?: { body?: unknown; headers?: Record<string, string>; rawBody?: string | Buffer },
  ): Promise<ApiAnswer>;
  close(): Promise<void>;
};

export const TEST_AUDIENCE = "api://dealflow-test";
export const TEST_ISSUER = "https://login.test.dealflow/{tid}/v2.0";

const serveJwks = async (jwk: JWK): Promise<{ url: string; server: Server }> => {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/keys`, server };
};

/**
 * The whole app on the local host, as `npm start` runs it but on its own tables of the
 * run's Azurite, trusting tokens signed by a key of this harness (Entra mode with the
 * AUTH_* overrides, the same validation path as production). Queue triggers and timers are
 * left out unless asked for: tests share one Azurite's queues.
 */
export const startApiHarness = async (
  options: {
    clock?: () => Date;
    env?: Record<string, string>;
    keep?: (definition: FunctionDefinition) => boolean;
  } = {},
): Promise<ApiHarness> => {
  const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = randomUUID();
  const jwks = await serveJwks({ ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" });
  const connectionString = inject("storageConnectionString");
  const config = readAppConfig(
    {
      AUTH_MODE: "entra",
      AUTH_JWKS_URI: jwks.url,
      AUTH_ISSUER: TEST_ISSUER,
      AUTH_AUDIENCE: TEST_AUDIENCE,
      STORAGE_CONNECTION_STRING: connectionString,
      TIMERS: "off",
      PORT: "0",
      ...options.env,
    },
    "local-host",
  );
  const storage = createTableStorage({
    connectionString,
    tablePrefix: `a${randomUUID().replace(/-/g, "").slice(0, 12)}`,
  });
  await storage.ensureTables();
  const clock = options.clock ?? (() => new Date());
  const silent = { info() {}, warn() {}, error() {} };
  const deps = createAppDeps({ config, storage, clock, log: silent });
  const keep = options.keep ?? ((definition) => definition.trigger === "http");
  const host = await startLocalHost({
    definitions: createFunctions(deps).filter(keep),
    host: "127.0.0.1",
    port: 0,
    timers: "off",
    storageConnectionString: connectionString,
    siteRoot: path.join(tmpdir(), "dealflow-no-site"),
    clock,
    log: silent,
    loopbackOnly: answersLoopbackOnly(config),
  });

  const tokenFor: ApiHarness["tokenFor"] = async (user, claims = {}) => {
    const now = Math.floor(clock().getTime() / 1000);
    const payload: Record<string, unknown> = {
      tid: user.tenantId,
      oid: user.userId,
      name: user.name ?? `User ${user.userId.slice(0, 8)}`,
      preferred_username: user.email ?? `${user.userId.slice(0, 8)}@example.test`,
      scp: "access_as_user",
      ver: "2.0",
      ...(user.manager ? { roles: ["Dealflow.Manager"] } : {}),
      iss: TEST_ISSUER.replace("{tid}", user.tenantId),
      aud: TEST_AUDIENCE,
      iat: now,
      nbf: now - 5,
      exp: now + 3600,
      ...claims,
    };
    for (const [key, value] of Object.entries(payload)) {
      if (value === undefined) delete payload[key];
    }
    return new SignJWT(payload).setProtectedHeader({ alg: "RS256", kid }).sign(privateKey);
  };

  return {
    url: host.url,
    deps,
    storage,
    tokenFor,
    async call(user, method, route, callOptions = {}) {
      const headers: Record<string, string> = { ...callOptions.headers };
      if (user) headers.Authorization = `Bearer ${await tokenFor(user)}`;
      let body: string | Buffer | undefined = callOptions.rawBody;
      if (callOptions.body !== undefined) {
        body = JSON.stringify(callOptions.body);
        headers["Content-Type"] ??= "application/json";
      }
      const response = await fetch(`${host.url}${route}`, { method, headers, body });
      const text = await response.text();
      let parsed: unknown = text === "" ? null : text;
      if ((response.headers.get("content-type") ?? "").includes("json") && text !== "") {
        parsed = JSON.parse(text) as unknown;
      }
      return { status: response.status, headers: response.headers, body: parsed, text };
    },
    async close() {
      await host.close();
      await new Promise<void>((resolve) => jwks.server.close(() => resolve()));
    },
  };
};

export const newTestUser = (tenantId: string, overrides: Partial<TestUser> = {}): TestUser => ({
  tenantId,
  userId: randomUUID(),
  ...overrides,
});
