import { randomUUID } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { ConfigError } from "../config/config-error.js";
import { createStore, type Store } from "../storage/store.js";
import { createTableStorage } from "../storage/table-storage.js";
import { createGraphAdapters } from "./create-graph-adapters.js";
import { retryAfterMs } from "./graph-client.js";
import { readGraphConfig } from "./graph-config.js";
import { createLocalPeople } from "./local-people.js";

const base = {
  AAD_APP_CLIENT_ID: "client",
  AAD_APP_TENANT_ID: "home",
  AAD_APP_CLIENT_SECRET: "secret",
  MAIL_SENDER: "dealflow@contoso.test",
};

describe("readGraphConfig", () => {
  it("is off without an app secret, and public cloud by default with one", () => {
    expect(readGraphConfig({ ...base, AAD_APP_CLIENT_SECRET: " " })).toBeNull();
    expect(readGraphConfig(base)).toEqual({
      clientId: "client",
      homeTenantId: "home",
      clientSecret: "secret",
      mailSender: "dealflow@contoso.test",
      authorityHost: "https://login.microsoftonline.com",
      graphBaseUrl: "https://graph.microsoft.com/v1.0",
    });
  });

  it("names what a half-configured deployment lacks", () => {
    const missing = () => readGraphConfig({ ...base, MAIL_SENDER: undefined });
    expect(missing).toThrow(ConfigError);
    expect(missing).toThrow(/^MAIL_SENDER: /);
    expect(() => readGraphConfig({ ...base, GRAPH_AUTHORITY_HOST: "http://login.test" })).toThrow(
      /^GRAPH_AUTHORITY_HOST: /,
    );
    expect(
      readGraphConfig({
        ...base,
        GRAPH_AUTHORITY_HOST: "https://login.microsoftonline.us/",
        GRAPH_BASE_URL: "https://graph.microsoft.us/v1.0/",
      }),
    ).toMatchObject({
      authorityHost: "https://login.microsoftonline.us",
      graphBaseUrl: "https://graph.microsoft.us/v1.0",
    });
  });
});

describe("retryAfterMs", () => {
  it("reads seconds and HTTP dates, and nothing else", () => {
    expect(retryAfterMs("7")).toBe(7_000);
    expect(retryAfterMs("Thu, 01 Jan 2026 00:00:10 GMT", Date.parse("2026-01-01T00:00:00Z"))).toBe(
      10_000,
    );
    expect(retryAfterMs("soon")).toBeNull();
    expect(retryAfterMs(null)).toBeNull();
  });
});

describe("the local adapters (no Graph configured)", () => {
  it("write calendar events to the outbox once per key", async () => {
    const storage = createTableStorage({
      connectionString: inject("storageConnectionString"),
      tablePrefix: `l${randomUUID().replace(/-/g, "").slice(0, 12)}`,
    });
    await storage.ensureTables();
    const store = createStore(storage);
    const tenantId = randomUUID();
    const adapters = createGraphAdapters(null, { store, clock: () => new Date() });
    expect(adapters.mode).toBe("outbox");

    const event = {
      tenantId,
      userId: "owner",
      subject: "Meeting: Roof repair",
      startsAt: "2026-12-01T08:30:00.000Z",
      endsAt: "2026-12-01T09:30:00.000Z",
      meetingUrl: null,
      text: "Marketplace meeting.",
      idempotencyKey: "calendar:opp:1",
    };
    await adapters.calendar.createEvent(event);
    await adapters.calendar.createEvent(event);
    expect(await store.mailOutbox.listEvents(tenantId)).toEqual([
      { ...event, createdAt: expect.any(String) },
    ]);
  });
});

describe("the local people search", () => {
  const user = (id: string, name: string, email: string | null, active = true) =>
    ({
      tenantId: "t",
      id,
      name,
      email,
      role: "seller",
      locale: "es",
      timeZone: null,
      active,
      teamIds: [],
    }) as const;
  const store = {
    listUsers: async () => ({
      items: [
        user("1", "Ana García", "ana.garcia@contoso.test"),
        user("2", "Luis Pérez", "luis@contoso.test"),
        user("3", "Gabriel Old", "gabriel@contoso.test", false),
      ],
      nextCursor: null,
    }),
  } as unknown as Store;
  const people = createLocalPeople(store);
  const who = { tenantId: "t", userToken: "dev-token" };

  it("matches the start of any word of a name or address, accents ignored, active users only", async () => {
    expect(await people.search(who, "garc")).toEqual([
      { id: "1", name: "Ana García", email: "ana.garcia@contoso.test" },
    ]);
    expect((await people.search(who, "PEREZ")).map((p) => p.id)).toEqual(["2"]);
    expect(await people.search(who, "gab")).toEqual([]);
    expect(await people.search(who, "a")).toEqual([]);
  });
});
