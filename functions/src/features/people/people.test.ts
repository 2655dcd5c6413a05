import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../tests/support/api-harness.js";
import { arrangeUser } from "../../api/api.test-support.js";
import { type FakeMicrosoft, startFakeMicrosoft } from "../../graph/fake-microsoft.test-support.js";
import { answerDirectory, useFakeGraph } from "./people-graph.test-support.js";

let harness: ApiHarness;
let fake: FakeMicrosoft;
let restore = () => {};
const tenant = randomUUID();
const ana = newTestUser(tenant, { name: "Ana García", email: "ana@contoso.test" });
const luis = newTestUser(tenant, { name: "Luis Romero", email: "luis@contoso.test" });
const stranger = newTestUser(randomUUID(), { name: "Ana Outsider", email: "ana@other.test" });

type People = { items: { id: string; name: string; email: string | null }[] };

beforeAll(async () => {
  [harness, fake] = await Promise.all([startApiHarness(), startFakeMicrosoft()]);
  for (const user of [ana, luis, stranger]) await arrangeUser(harness, user);
});
afterEach(() => {
  restore();
  restore = () => {};
  fake.reset();
});
afterAll(async () => {
  await harness?.close();
  await fake?.close();
});

const asCaller = async (user: typeof ana) => {
  const token = await harness.tokenFor(user);
  return { token, headers: { Authorization: `Bearer ${token}` } };
};

describe("GET /api/people in local mode", () => {
  it("finds the tenant's users by the start of a word of their name or address", async () => {
    const answer = await harness.call(luis, "GET", "/api/people?q=garc");
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      items: [{ id: ana.userId, name: "Ana García", email: "ana@contoso.test" }],
    });
  });

  it("never shows people of another tenant", async () => {
    const body = (await harness.call(luis, "GET", "/api/people?q=ana")).body as People;
    expect(body.items.map((person) => person.id)).toEqual([ana.userId]);
  });

  it.each([
    ["missing", ""],
    ["one letter", "?q=a"],
    ["over 100 characters", `?q=${"a".repeat(101)}`],
  ])("refuses a query %s, naming query.q", async (_case, query) => {
    const answer = await harness.call(luis, "GET", `/api/people${query}`);
    expect(answer.status).toBe(400);
    expect(answer.headers.get("content-type")).toContain("application/problem+json");
    expect(answer.body).toMatchObject({ errors: [expect.objectContaining({ path: "query.q" })] });
  });

  it("answers 401 without a token", async () => {
    expect((await harness.call(null, "GET", "/api/people?q=ana")).status).toBe(401);
  });

  it("has no separate consent route: the consent-required problem carries the URL", async () => {
    const answer = await harness.call(luis, "GET", "/api/people/consent");
    expect(answer.status).toBe(404);
    const openapi = (await harness.call(null, "GET", "/api/openapi.json")).body as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(openapi.paths)).toContain("/api/people");
    expect(Object.keys(openapi.paths)).not.toContain("/api/people/consent");
  });
});

describe("GET /api/people with Microsoft Graph", () => {
  it("searches the directory on behalf of the caller, with the caller's own token", async () => {
    restore = useFakeGraph(harness, fake);
    answerDirectory(fake, [{ id: "oid-carla", displayName: "Carla Gil", mail: null }]);
    const { token, headers } = await asCaller(luis);

    const answer = await harness.call(null, "GET", "/api/people?q=carla", { headers });

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ items: [{ id: "oid-carla", name: "Carla Gil", email: null }] });
    const [tokenRequest] = fake.tokenRequests;
    expect(tokenRequest?.path).toBe(`/${tenant}/oauth2/v2.0/token`);
    expect(tokenRequest?.form).toMatchObject({
      requested_token_use: "on_behalf_of",
      assertion: token,
    });
  });

  it("answers the consent-required problem with the tenant's admin-consent URL", async () => {
    restore = useFakeGraph(harness, fake);
    const { token, headers } = await asCaller(ana);
    fake.unconsentedAssertions.add(token);

    const answer = await harness.call(null, "GET", "/api/people?q=carla", { headers });

    const consentUrl = `https://login.microsoftonline.com/${tenant}/adminconsent?client_id=app-client-id`;
    expect(answer.status).toBe(403);
    expect(answer.headers.get("content-type")).toContain("application/problem+json");
    expect(answer.body).toMatchObject({
      type: "urn:dealflow:problem:consent-required",
      status: 403,
      adminConsentUrl: consentUrl,
    });
    expect(answer.text).not.toContain("AADSTS");
  });

  it("answers 503 with Retry-After while Graph is down", async () => {
    restore = useFakeGraph(harness, fake);
    fake.onGraph(() => ({ status: 503, body: { error: { code: "serviceNotAvailable" } } }));

    const answer = await harness.call(luis, "GET", "/api/people?q=carla");

    expect(answer.status).toBe(503);
    expect(answer.headers.get("retry-after")).toBeTruthy();
    expect(answer.body).toMatchObject({ title: "Service unavailable" });
  });
});
