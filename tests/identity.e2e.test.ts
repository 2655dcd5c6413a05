import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { defaultSettings } from "@dealflow/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppDeps } from "../functions/src/app-deps.js";
import { answersLoopbackOnly } from "../functions/src/config/loopback-only.js";
import { createFunctions } from "../functions/src/create-functions.js";
import { DEMO_TENANT_ID, DEMO_USERS } from "../functions/src/seed/demo-tenant.js";
import { createTableStorage, type TableStorage } from "../functions/src/storage/table-storage.js";
import { type RunningAzurite, startAzurite } from "../host/src/azurite/azurite.js";
import { type RunningLocalHost, startLocalHost } from "../host/src/local-host.js";
import { createTestAppDeps } from "./support/test-app-deps.js";
import { startTestIssuer, type TestIssuer } from "./support/test-issuer.js";
import { bearer, MANAGER_ROLE, mintToken } from "./support/tokens.js";

type Env = Record<string, string>;

// The e2e project has no shared Azurite: this file starts its own, in memory, on loopback.
let azurite: RunningAzurite;
const hosts: RunningLocalHost[] = [];

const newStorage = async (): Promise<TableStorage> => {
  const storage = createTableStorage({
    connectionString: azurite.connectionString,
    tablePrefix: `i${randomUUID().replace(/-/g, "").slice(0, 12)}`,
  });
  await storage.ensureTables();
  return storage;
};

/** The demo tenant's registry entry and users (what the dev sign-in offers). */
const seedDemoUsers = async (deps: AppDeps) => {
  await deps.store.tenants.register({
    tenantId: DEMO_TENANT_ID,
    name: "Dealflow demo",
    createdAt: new Date().toISOString(),
  });
  await deps.store.commit(DEMO_TENANT_ID, {
    changes: Object.values(DEMO_USERS).map((user) => ({
      entity: "user" as const,
      before: null,
      after: user,
    })),
    schedule: [],
    cancel: [],
  });
};

/** The app's real functions on the local host, 127.0.0.1, a free port. */
const startApp = async (env: Env = {}) => {
  const deps = createTestAppDeps({ storage: await newStorage(), env });
  const host = await startLocalHost({
    definitions: createFunctions(deps),
    host: "127.0.0.1",
    port: 0,
    timers: "off",
    storageConnectionString: azurite.connectionString,
    siteRoot: path.join(tmpdir(), "dealflow-no-site"),
    clock: () => new Date(),
    log: { info: () => {}, warn: () => {}, error: () => {} },
    loopbackOnly: answersLoopbackOnly(deps.config),
  });
  hosts.push(host);
  return { deps, url: host.url };
};

const getJson = async (url: string, headers: Record<string, string> = {}) => {
  const response = await fetch(url, { headers });
  return { response, body: (await response.json()) as Record<string, unknown> };
};

const postJson = async (url: string, body: string) => {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body,
  });
  return { response, body: (await response.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  for (const host of hosts.splice(0)) await host.close();
  await azurite?.stop();
});

describe("dev sign-in (AUTH_MODE=dev)", () => {
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    app = await startApp();
    await seedDemoUsers(app.deps);
  });

  it("lists the demo tenant's users with their roles", async () => {
    const { response, body } = await getJson(`${app.url}/api/dev/users`);

    expect(response.status).toBe(200);
    expect(body.tenantId).toBe(DEMO_TENANT_ID);
    expect(body.users).toEqual(
      expect.arrayContaining([
        { id: DEMO_USERS.ana.id, name: "Ana García", email: DEMO_USERS.ana.email, role: "seller" },
        {
          id: DEMO_USERS.luis.id,
          name: "Luis Romero",
          email: DEMO_USERS.luis.email,
          role: "seller",
        },
        {
          id: DEMO_USERS.marta.id,
          name: "Marta Díaz",
          email: DEMO_USERS.marta.email,
          role: "manager",
        },
      ]),
    );
    expect(body.users).toHaveLength(3);
  });

  it("signs a seller in: dev token, then /api/me", async () => {
    const { body: issued } = await postJson(
      `${app.url}/api/dev/token`,
      JSON.stringify({ userId: DEMO_USERS.ana.id }),
    );

    const { response, body } = await getJson(`${app.url}/api/me`, bearer(String(issued.token)));

    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toMatch(/^"[^"]+"$/);
    expect(body).toEqual({
      id: DEMO_USERS.ana.id,
      tenantId: DEMO_TENANT_ID,
      name: "Ana García",
      role: "seller",
      locale: "en",
    });
  });

  it("answers 304 to /api/me when the client's ETag is current", async () => {
    const { body: issued } = await postJson(
      `${app.url}/api/dev/token`,
      JSON.stringify({ userId: DEMO_USERS.luis.id }),
    );
    const auth = bearer(String(issued.token));
    const first = await fetch(`${app.url}/api/me`, { headers: auth });

    const again = await fetch(`${app.url}/api/me`, {
      headers: { ...auth, "If-None-Match": first.headers.get("etag") ?? "" },
    });

    expect(again.status).toBe(304);
  });

  it("signs the demo manager in as a manager", async () => {
    const { body: issued } = await postJson(
      `${app.url}/api/dev/token`,
      JSON.stringify({ userId: DEMO_USERS.marta.id }),
    );

    const { body } = await getJson(`${app.url}/api/me`, bearer(String(issued.token)));

    expect(body).toMatchObject({ id: DEMO_USERS.marta.id, name: "Marta Díaz", role: "manager" });
  });

  it("answers 404 problem+json for a user who is not a demo user", async () => {
    const { response, body } = await postJson(
      `${app.url}/api/dev/token`,
      JSON.stringify({ userId: randomUUID() }),
    );

    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(body).toMatchObject({ status: 404 });
  });

  it.each([
    ["no userId", "{}", [{ path: "userId", message: "is required" }]],
    ["an empty userId", '{"userId":" "}', [{ path: "userId", message: "must not be empty" }]],
    ["a body that is not JSON", "userId=ana", undefined],
  ])("answers 400 problem+json for %s", async (_case, text, errors) => {
    const { response, body } = await postJson(`${app.url}/api/dev/token`, text);

    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(body.errors).toEqual(errors);
  });

  it.each([
    ["no token", {}],
    ["a token that is not a JWT", bearer("not-a-token")],
  ])("answers 401 with WWW-Authenticate: Bearer to /api/me with %s", async (_case, headers) => {
    const { response, body } = await getJson(`${app.url}/api/me`, headers);

    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer\b/);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(body).toMatchObject({ status: 401, title: "Unauthorized" });
  });

  it("provisions another tenant on its first request; it sees only its own user", async () => {
    const tenantId = randomUUID();
    const userId = randomUUID();
    const token = await mintToken(app.deps, {
      tenantId,
      userId,
      name: "Hannah Becker",
      email: "hannah@becker-apotheke.example",
    });

    const { response, body } = await getJson(`${app.url}/api/me`, bearer(token));

    expect(response.status).toBe(200);
    expect(body).toEqual({
      id: userId,
      tenantId,
      name: "Hannah Becker",
      role: "seller",
      locale: "en",
    });
    expect(await app.deps.store.tenants.get(tenantId)).not.toBeNull();
    const users = (await app.deps.store.listUsers(tenantId)).items;
    expect(users.map((user) => user.id)).toEqual([userId]);
    expect((await app.deps.store.listUsers(DEMO_TENANT_ID)).items).toHaveLength(3);
  });

  it("makes a manager of a token with the Dealflow.Manager app role", async () => {
    const token = await mintToken(app.deps, {
      tenantId: randomUUID(),
      userId: randomUUID(),
      name: "Olivia Brown",
      roles: [MANAGER_ROLE],
    });

    const { body } = await getJson(`${app.url}/api/me`, bearer(token));

    expect(body.role).toBe("manager");
  });

  it("makes a manager of a user listed in the tenant's managerIds setting", async () => {
    const tenantId = randomUUID();
    const userId = randomUUID();
    await app.deps.store.commit(tenantId, {
      changes: [
        { entity: "settings", before: null, after: { ...defaultSettings(), managerIds: [userId] } },
      ],
      schedule: [],
      cancel: [],
    });
    const token = await mintToken(app.deps, { tenantId, userId, name: "Noah Wilson" });

    const { body } = await getJson(`${app.url}/api/me`, bearer(token));

    expect(body).toMatchObject({ id: userId, role: "manager" });
  });
});

describe("Entra sign-in (AUTH_MODE=entra, test JWKS through AUTH_* overrides)", () => {
  const CLIENT_ID = "0d3e1a52-7c1b-4d8e-9f55-2a6b3c4d5e6f";
  let issuer: TestIssuer;
  let app: Awaited<ReturnType<typeof startApp>>;
  beforeAll(async () => {
    issuer = await startTestIssuer();
    app = await startApp({
      AUTH_MODE: "entra",
      AAD_APP_CLIENT_ID: CLIENT_ID,
      AUTH_JWKS_URI: issuer.jwksUri,
    });
  });
  afterAll(() => issuer?.close());

  const entraToken = (tenantId: string, userId: string) => {
    const now = Math.floor(Date.now() / 1000);
    return issuer.sign({
      iss: `https://login.microsoftonline.com/${tenantId}/v2.0`,
      aud: CLIENT_ID,
      tid: tenantId,
      oid: userId,
      name: "Thomas Müller",
      preferred_username: "t.mueller@muellerbau.example",
      scp: "access_as_user",
      iat: now,
      nbf: now,
      exp: now + 3600,
    });
  };

  it.each([
    ["GET", "/api/dev/users"],
    ["POST", "/api/dev/token"],
  ])("has no %s %s", async (method, route) => {
    const response = await fetch(`${app.url}${route}`, {
      method,
      ...(method === "POST" ? { body: JSON.stringify({ userId: DEMO_USERS.ana.id }) } : {}),
    });

    expect(response.status).toBe(404);
  });

  it("signs in a user of a new tenant with an Entra-shaped token", async () => {
    const tenantId = randomUUID();
    const userId = randomUUID();

    const { response, body } = await getJson(
      `${app.url}/api/me`,
      bearer(await entraToken(tenantId, userId)),
    );

    expect(response.status).toBe(200);
    expect(body).toEqual({
      id: userId,
      tenantId,
      name: "Thomas Müller",
      role: "seller",
      locale: "en",
    });
  });

  it("refuses a dev-mode token", async () => {
    const dev = await startApp();
    const token = await mintToken(dev.deps, { tenantId: randomUUID(), userId: randomUUID() });

    const response = await fetch(`${app.url}/api/me`, { headers: bearer(token) });

    expect(response.status).toBe(401);
  });
});
