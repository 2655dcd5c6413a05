import { randomUUID } from "node:crypto";
import { DomainError } from "@dealflow/core";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { toProblem } from "../api/http/api-problem.js";
import { createStore } from "../storage/store.js";
import { createTableStorage, type TableStorage } from "../storage/table-storage.js";
import { createGraphAdapters, type GraphAdapters } from "./create-graph-adapters.js";
import {
  type FakeMicrosoft,
  startFakeMicrosoft,
  throttledOnce,
} from "./fake-microsoft.test-support.js";
import { readGraphConfig } from "./graph-config.js";
import { GraphConsentRequiredError } from "./graph-errors.js";

const homeTenant = randomUUID();
const customerTenant = randomUUID();
const env = {
  AAD_APP_CLIENT_ID: "app-client-id",
  AAD_APP_TENANT_ID: homeTenant,
  AAD_APP_CLIENT_SECRET: "app-secret",
  MAIL_SENDER: "dealflow@contoso.test",
};
let fake: FakeMicrosoft;
let storage: TableStorage;
let graph: GraphAdapters;
const waits: number[] = [];

const mail = (key: string) => ({
  tenantId: customerTenant,
  to: "ana@customer.test",
  subject: "New lead: <Roof> & more",
  text: "A new lead has been assigned to you.\n\nRoof repair\nContact: Carla",
  idempotencyKey: key,
});

beforeAll(async () => {
  fake = await startFakeMicrosoft();
  storage = createTableStorage({
    connectionString: inject("storageConnectionString"),
    tablePrefix: `g${randomUUID().replace(/-/g, "").slice(0, 12)}`,
  });
  await storage.ensureTables();
  graph = createGraphAdapters(readGraphConfig(env), {
    store: createStore(storage),
    clock: () => new Date(),
    overrides: {
      tokenEndpointHost: fake.loginUrl,
      graphBaseUrl: fake.graphUrl,
      sleep: async (ms) => {
        waits.push(ms);
      },
    },
  });
});
afterAll(() => fake?.close());
beforeEach(() => {
  fake.reset();
  waits.length = 0;
});

describe("the Graph mailer", () => {
  it("sends from the shared mailbox with an app token of the home tenant, once per key", async () => {
    expect(graph.mode).toBe("graph");
    const key = randomUUID();
    await graph.mailer.send(mail(key));
    await graph.mailer.send(mail(key));

    const [tokenRequest] = fake.tokenRequests;
    expect(tokenRequest?.path).toBe(`/${homeTenant}/oauth2/v2.0/token`);
    expect(tokenRequest?.form).toMatchObject({
      grant_type: "client_credentials",
      client_id: "app-client-id",
      client_secret: "app-secret",
      scope: "https://graph.microsoft.com/.default",
    });
    expect(fake.graphRequests).toHaveLength(1);
    const [sent] = fake.graphRequests;
    expect(sent?.method).toBe("POST");
    expect(sent?.path).toBe("/v1.0/users/dealflow%40contoso.test/sendMail");
    expect(sent?.headers.authorization).toMatch(new RegExp(`^Bearer app:${homeTenant}:\\d+$`));
    expect(sent?.json).toEqual({
      message: {
        subject: "New lead: <Roof> & more",
        body: {
          contentType: "HTML",
          content: expect.stringContaining(
            "<p>A new lead has been assigned to you.</p><p>Roof repair<br>Contact: Carla</p>",
          ),
        },
        toRecipients: [{ emailAddress: { address: "ana@customer.test" } }],
      },
      saveToSentItems: false,
    });
  });

  it("reuses msal's cached token for the next mail", async () => {
    await graph.mailer.send(mail(randomUUID()));
    await graph.mailer.send(mail(randomUUID()));
    expect(fake.graphRequests).toHaveLength(2);
    expect(fake.tokenRequests).toHaveLength(0);
  });

  it("waits as long as a 429's Retry-After says, then sends", async () => {
    fake.onGraph(throttledOnce("2", { status: 202 }));
    await graph.mailer.send(mail(randomUUID()));
    expect(waits).toEqual([2000]);
    expect(fake.graphRequests).toHaveLength(2);
  });

  it("gives up as unavailable after its retries, and on a wait longer than it may spend", async () => {
    fake.onGraph(() => ({ status: 503, headers: { "Retry-After": "1" } }));
    const failed = await graph.mailer.send(mail(randomUUID())).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(DomainError);
    expect((failed as DomainError).code).toBe("unavailable");
    expect(fake.graphRequests).toHaveLength(4);

    fake.reset();
    fake.onGraph(() => ({ status: 429, headers: { "Retry-After": "3600" } }));
    const throttled = await graph.mailer.send(mail(randomUUID())).catch((error: unknown) => error);
    expect((throttled as DomainError).code).toBe("unavailable");
    expect(fake.graphRequests).toHaveLength(1);
  });

  it("maps Graph's 403 to consent required, with the admin-consent URL", async () => {
    fake.onGraph(() => ({ status: 403, body: { error: { code: "ErrorAccessDenied" } } }));
    const failed = await graph.mailer.send(mail(randomUUID())).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(GraphConsentRequiredError);
    expect((failed as GraphConsentRequiredError).reason).toBe("ErrorAccessDenied");
    expect((failed as GraphConsentRequiredError).adminConsentUrl).toBe(
      `https://login.microsoftonline.com/${homeTenant}/adminconsent?client_id=app-client-id`,
    );
  });
});

describe("the Graph calendar", () => {
  const event = (key: string) => ({
    tenantId: customerTenant,
    userId: "owner-object-id",
    subject: "Meeting: Roof repair",
    startsAt: "2026-12-01T09:30:00+01:00",
    endsAt: "2026-12-01T10:30:00+01:00",
    meetingUrl: "https://meet.example.test/abc",
    text: "Marketplace meeting with the client.",
    idempotencyKey: key,
  });

  it("creates the event in the owner's calendar of their tenant, in UTC, idempotently", async () => {
    fake.onGraph(() => ({ status: 201, body: { id: "event-1" } }));
    const key = `calendar:opp-1:${Date.now()}:${randomUUID()}`;
    await graph.calendar.createEvent(event(key));
    await graph.calendar.createEvent(event(key));

    expect(fake.tokenRequests[0]?.path).toBe(`/${customerTenant}/oauth2/v2.0/token`);
    expect(fake.graphRequests).toHaveLength(1);
    const [created] = fake.graphRequests;
    expect(created?.path).toBe("/v1.0/users/owner-object-id/events");
    expect(created?.headers.authorization).toMatch(new RegExp(`^Bearer app:${customerTenant}:`));
    expect(created?.json).toMatchObject({
      subject: "Meeting: Roof repair",
      start: { dateTime: "2026-12-01T08:30:00.000", timeZone: "UTC" },
      end: { dateTime: "2026-12-01T09:30:00.000", timeZone: "UTC" },
      location: {
        displayName: "https://meet.example.test/abc",
        locationUri: "https://meet.example.test/abc",
      },
      transactionId: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      ),
    });
  });
});

describe("the Graph people search", () => {
  const searcher = { tenantId: customerTenant, userToken: "users.sso.token" };

  it("searches the directory on behalf of the signed-in user", async () => {
    fake.onGraph(() => ({
      status: 200,
      body: { value: [{ id: "oid-1", displayName: "Ana García", mail: "ana@customer.test" }] },
    }));
    const people = await graph.people.search(searcher, "gar");

    expect(people).toEqual([{ id: "oid-1", name: "Ana García", email: "ana@customer.test" }]);
    expect(fake.tokenRequests[0]?.path).toBe(`/${customerTenant}/oauth2/v2.0/token`);
    expect(fake.tokenRequests[0]?.form).toMatchObject({
      grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
      assertion: "users.sso.token",
      requested_token_use: "on_behalf_of",
    });
    expect(fake.tokenRequests[0]?.form.scope).toContain(
      "https://graph.microsoft.com/User.ReadBasic.All",
    );
    const [search] = fake.graphRequests;
    expect(search?.headers.authorization).toMatch(/^Bearer obo:/);
    expect(search?.headers.consistencylevel).toBe("eventual");
    const query = new URL(search?.path ?? "", "http://x").searchParams;
    expect(query.get("$search")).toBe('"displayName:gar" OR "mail:gar"');
    expect(query.get("$select")).toBe("id,displayName,mail,userPrincipalName");
  });

  it("asks for more letters rather than listing the directory", async () => {
    expect(await graph.people.search(searcher, " a ")).toEqual([]);
    expect(fake.graphRequests).toHaveLength(0);
  });

  it("turns AADSTS65001 into a 403 problem the tab can offer consent from", async () => {
    fake.unconsentedAssertions.add("unconsented.sso.token");
    const failed = await graph.people
      .search({ tenantId: customerTenant, userToken: "unconsented.sso.token" }, "ana")
      .catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(GraphConsentRequiredError);
    // msal-node's error code, kept for the log; the sub-error said consent_required.
    expect((failed as GraphConsentRequiredError).reason).toBe("invalid_grant");
    expect(fake.graphRequests).toHaveLength(0);

    const { response, unexpected } = toProblem(failed);
    expect(unexpected).toBe(false);
    expect(response.status).toBe(403);
    expect(response.headers).toEqual({ "Content-Type": "application/problem+json" });
    expect(response.jsonBody).toMatchObject({
      type: "urn:dealflow:problem:consent-required",
      status: 403,
      adminConsentUrl: `https://login.microsoftonline.com/${customerTenant}/adminconsent?client_id=app-client-id`,
    });
    expect(JSON.stringify(response.jsonBody)).not.toContain("AADSTS");
  });

  it("reports an Entra outage as unavailable (503), never as missing consent", async () => {
    fake.outageAssertions.add("outage.sso.token");
    const failed = await graph.people
      .search({ tenantId: customerTenant, userToken: "outage.sso.token" }, "ana")
      .catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(DomainError);
    expect(failed).not.toBeInstanceOf(GraphConsentRequiredError);
    expect(fake.graphRequests).toHaveLength(0);

    const { response } = toProblem(failed);
    expect(response.status).toBe(503);
    expect(JSON.stringify(response.jsonBody)).not.toContain("AADSTS");
  });
});
