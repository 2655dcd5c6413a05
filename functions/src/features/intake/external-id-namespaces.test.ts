import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../tests/support/api-harness.js";
import {
  applicationEvent,
  arrangeConnector,
  type Connector,
  nextIds,
  postEvent,
} from "../marketplace/marketplace.test-support.js";
import { arrangeForms, postLead } from "./intake.test-support.js";

// A web form's lead ids are chosen by whoever posts the form; a marketplace's application ids
// by the marketplace. Neither may name the other's opportunity.
let harness: ApiHarness;
const tenant = randomUUID();
const manager = newTestUser(tenant, { manager: true });
const ana = newTestUser(tenant, { name: "Ana García" });
let form: { key: string; secret: string };
let connector: Connector;

type Answer = { opportunityId: string; created?: boolean };
const opportunityIdOf = (body: unknown) => (body as Answer).opportunityId;

beforeAll(async () => {
  harness = await startApiHarness();
  for (const user of [manager, ana]) await harness.call(user, "GET", "/api/settings");
  [form] = (await arrangeForms(harness, manager, [{ routing: "owner", ownerId: ana.userId }])) as [
    typeof form,
  ];
  connector = await arrangeConnector(harness, manager, { name: "Malt" });
});
afterAll(() => harness?.close());

describe("external ids of web forms and marketplaces", () => {
  it("does not answer a lead whose externalId names a hidden application with that application", async () => {
    const ids = nextIds();
    const application = await postEvent(harness, connector, applicationEvent(ids));
    expect(application.status).toBe(201);

    const lead = await postLead(harness, form, {
      name: "Curious Form",
      externalId: `marketplace:${connector.key}:${ids.application}`,
    });

    expect(lead.status).toBe(201);
    expect(opportunityIdOf(lead.body)).not.toBe(opportunityIdOf(application.body));
  });

  it("does not let a lead posted first take over the application a marketplace sends later", async () => {
    const ids = nextIds();
    const lead = await postLead(harness, form, {
      name: "Squatter",
      externalId: `marketplace:${connector.key}:${ids.application}`,
    });

    const application = await postEvent(harness, connector, applicationEvent(ids));

    expect(application.status).toBe(201);
    expect(opportunityIdOf(application.body)).not.toBe(opportunityIdOf(lead.body));
    const stored = await harness.deps.store.getOpportunity(
      tenant,
      opportunityIdOf(application.body),
    );
    expect(stored?.marketplace?.connectorKey).toBe(connector.key);
  });

  it("keeps a lead's own externalId idempotent, even one equal to an event id", async () => {
    const ids = nextIds();
    await postEvent(harness, connector, applicationEvent(ids));

    const first = await postLead(harness, form, { name: "Twice", externalId: ids.event });
    const again = await postLead(harness, form, { name: "Twice", externalId: ids.event });

    expect([first.status, again.status]).toEqual([201, 200]);
    expect(opportunityIdOf(again.body)).toBe(opportunityIdOf(first.body));
  });

  it("does not let a manager's imported row take over an application a marketplace sends later", async () => {
    const ids = nextIds();
    const csv = [
      "Name,Source,External ID",
      `Imported Squatter,referral,marketplace:${connector.key}:${ids.application}`,
    ].join("\n");
    const imported = await harness.call(manager, "POST", "/api/import/opportunities", {
      rawBody: csv,
      headers: { "Content-Type": "text/csv" },
    });
    expect(imported.status).toBe(201);

    const application = await postEvent(harness, connector, applicationEvent(ids));

    expect(application.status).toBe(201);
    expect((application.body as Answer & { replayed: boolean }).replayed).toBe(false);
  });

  it("takes a lead id of 200 characters, the longest a form may send", async () => {
    const externalId = "x".repeat(200);

    const first = await postLead(harness, form, { name: "Long Id", externalId });
    const again = await postLead(harness, form, { name: "Long Id", externalId });

    expect([first.status, again.status]).toEqual([201, 200]);
  });
});
