import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../tests/support/api-harness.js";
import { arrangeOpportunity, arrangeUser } from "../../api/api.test-support.js";
import { type FakeMicrosoft, startFakeMicrosoft } from "../../graph/fake-microsoft.test-support.js";
import { answerDirectory, useFakeGraph } from "./people-graph.test-support.js";

let harness: ApiHarness;
let fake: FakeMicrosoft;
let restore = () => {};
const tenant = randomUUID();
const owner = newTestUser(tenant, { name: "Ana García", email: "ana@contoso.test" });
const colleague = newTestUser(tenant, { name: "Luis Romero" });
const carla = { id: randomUUID(), displayName: "Carla Gil", mail: "carla@contoso.test" };

beforeAll(async () => {
  [harness, fake] = await Promise.all([startApiHarness(), startFakeMicrosoft()]);
  for (const user of [owner, colleague]) await arrangeUser(harness, user);
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

const addPath = (opportunityId: string, userId: string) =>
  `/api/opportunities/${opportunityId}/followers/${userId}`;

describe("POST /api/opportunities/{id}/followers/{userId} for a person new to Dealflow", () => {
  it("provisions a person found in the caller's directory and adds them", async () => {
    restore = useFakeGraph(harness, fake);
    answerDirectory(fake, [carla]);
    const opportunity = await arrangeOpportunity(harness, { owner });

    const answer = await harness.call(owner, "POST", addPath(opportunity.id, carla.id), {
      // The picker's words are only a search term: the directory's record is what is stored.
      body: { name: "Carla G.", email: "carla@contoso.test" },
    });

    expect(answer.status).toBe(200);
    expect((answer.body as { followers: string[] }).followers).toEqual([carla.id]);
    expect(await harness.deps.store.getUser(tenant, carla.id)).toMatchObject({
      name: "Carla Gil",
      email: "carla@contoso.test",
      role: "seller",
      active: true,
    });
    expect(fake.tokenRequests[0]?.path).toBe(`/${tenant}/oauth2/v2.0/token`);
  });

  it("refuses an id the caller's directory does not know, writing nothing", async () => {
    restore = useFakeGraph(harness, fake);
    answerDirectory(fake, [carla]);
    const opportunity = await arrangeOpportunity(harness, { owner });
    const invented = randomUUID();

    const answer = await harness.call(owner, "POST", addPath(opportunity.id, invented), {
      body: { name: "Carla Gil", email: "carla@contoso.test" },
    });

    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ errors: [expect.objectContaining({ path: "userId" })] });
    expect(await harness.deps.store.getUser(tenant, invented)).toBeNull();
    const stored = await harness.deps.store.getOpportunity(tenant, opportunity.id);
    expect(stored?.followers).toEqual([]);
  });

  it("refuses an unknown id without a directory hint, as before", async () => {
    const opportunity = await arrangeOpportunity(harness, { owner });
    const answer = await harness.call(owner, "POST", addPath(opportunity.id, randomUUID()));
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ errors: [{ path: "userId" }] });
  });

  it("refuses an unknown id in local mode, where the directory is the tenant's users", async () => {
    const opportunity = await arrangeOpportunity(harness, { owner });
    const answer = await harness.call(owner, "POST", addPath(opportunity.id, randomUUID()), {
      body: { name: "Luis Romero" },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ errors: [{ path: "userId" }] });
  });

  it("provisions nobody when the caller may not add followers", async () => {
    restore = useFakeGraph(harness, fake);
    const opportunity = await arrangeOpportunity(harness, { owner, followers: [colleague] });
    const someone = { ...carla, id: randomUUID() };
    answerDirectory(fake, [someone]);

    const answer = await harness.call(colleague, "POST", addPath(opportunity.id, someone.id), {
      body: { name: someone.displayName, email: someone.mail },
    });

    expect(answer.status).toBe(403);
    expect(await harness.deps.store.getUser(tenant, someone.id)).toBeNull();
    expect(fake.graphRequests).toHaveLength(0);
  });

  it("names the field of a malformed hint", async () => {
    const opportunity = await arrangeOpportunity(harness, { owner });
    const answer = await harness.call(owner, "POST", addPath(opportunity.id, carla.id), {
      body: { name: "", email: "carla@contoso.test" },
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ errors: [expect.objectContaining({ path: "name" })] });
  });
});
