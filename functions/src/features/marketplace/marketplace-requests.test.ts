import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../tests/support/api-harness.js";
import { arrangeUser } from "../../api/api.test-support.js";
import { createTarget, errorPaths, targetBody } from "../routing/routing.test-support.js";
import {
  arrangeConnector,
  type Connector,
  nextIds,
  postEvent,
} from "./marketplace.test-support.js";

// SPEC §4.5/§6: a client's request on a marketplace lands in the connector's pipeline, routed.
let harness: ApiHarness;
const tenant = randomUUID();
const marta = newTestUser(tenant, { manager: true, name: "Marta Díaz" });
const sellers = ["Ana García", "Luis Pérez", "Pepe Ruiz", "Rosa Smith"].map((name) =>
  newTestUser(tenant, { name }),
);
let connector: Connector;

const request = (over: Record<string, unknown> = {}) => {
  const ids = nextIds();
  return {
    id: ids.event,
    type: "request-received",
    applicationId: ids.application,
    title: "New online shop",
    brief: "We need a web shop for our bakery.",
    client: { name: "Carmen Ortiz", email: "carmen@example.com" },
    criteria: { service: "web", language: "es" },
    ...over,
  };
};

beforeAll(async () => {
  harness = await startApiHarness();
  for (const user of [marta, ...sellers]) await arrangeUser(harness, user);
  // A pipeline named after the marketplace: routed requests land there (SPEC §4.5).
  const read = await harness.call(marta, "GET", "/api/settings");
  const settings = read.body as { pipelines: { id: string; name: string }[] };
  const [first] = settings.pipelines;
  if (!first) throw new Error("the tenant has no default pipeline");
  await harness.call(marta, "PUT", "/api/settings", {
    body: {
      ...settings,
      pipelines: [...settings.pipelines, { ...first, id: "mkt", name: "Workana" }],
    },
    headers: { "If-Match": read.headers.get("etag") ?? "*" },
  });
  connector = await arrangeConnector(harness, marta, { name: "Workana" });
  const levels = ["platinum", "gold", "silver", "none"];
  for (const [i, seller] of sellers.entries()) {
    await createTarget(
      harness,
      marta,
      targetBody(`Partner ${i}`, seller.userId, { level: levels[i] }),
    );
  }
});
afterAll(async () => {
  await harness?.close();
});

describe("request received", () => {
  it("creates an unassigned opportunity in the connector's pipeline and offers it to the top three", async () => {
    const event = request();
    const answer = await postEvent(harness, connector, event);
    expect(answer.status).toBe(201);
    const { opportunityId } = answer.body as { opportunityId: string };
    const opportunity = await harness.deps.store.getOpportunity(tenant, opportunityId);
    expect(opportunity).toMatchObject({
      pipelineId: "mkt",
      ownerId: null,
      source: "marketplace",
      campaign: "Workana",
      title: "New online shop",
    });
    const offers = (await harness.deps.store.listOffersOfOpportunity(tenant, opportunityId)).items;
    expect(offers.map((offer) => offer.userId).sort()).toEqual(
      sellers
        .slice(0, 3)
        .map((seller) => seller.userId)
        .sort(),
    );
    expect(offers.every((offer) => offer.criteria.service === "web")).toBe(true);

    // The same request again (a new event id) is a replay: no second opportunity, no offers.
    const again = await postEvent(harness, connector, { ...event, id: nextIds().event });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ opportunityId, changed: false });
    expect(
      (await harness.deps.store.listOffersOfOpportunity(tenant, opportunityId)).items,
    ).toHaveLength(3);
  });

  it("refuses a request without a client name, naming the field, and writes nothing", async () => {
    const event = request({ client: { email: "nobody@example.com" } });
    const answer = await postEvent(harness, connector, event);
    expect(answer.status).toBe(400);
    expect(errorPaths(answer.body)).toContain("client.name");
    expect((await harness.deps.store.listPendingOffers(tenant)).items).toHaveLength(3);
  });
});
