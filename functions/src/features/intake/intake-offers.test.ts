import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../tests/support/api-harness.js";
import { createTarget, targetBody } from "../routing/routing.test-support.js";
import { arrangeForms, postLead } from "./intake.test-support.js";

// Issue 20 item 7: a web form that routes by offers (SPEC §4.5): its lead arrives unassigned
// and is offered at once to the best-ranked targets; the first to accept owns it.
let harness: ApiHarness;
const tenant = randomUUID();
const manager = newTestUser(tenant, { manager: true });
const ana = newTestUser(tenant, { name: "Ana García" });
const luis = newTestUser(tenant, { name: "Luis Romero" });

type Offer = { id: string; status: string; userId: string };

beforeAll(async () => {
  harness = await startApiHarness();
  for (const user of [manager, ana, luis]) await harness.call(user, "GET", "/api/settings");
});
afterAll(() => harness?.close());

describe("a web form that routes by offers", () => {
  it("offers the lead to the targets; unassigned until one accepts, who then owns it", async () => {
    await createTarget(harness, manager, targetBody("Ana's studio", ana.userId));
    await createTarget(harness, manager, targetBody("Luis & Co", luis.userId));
    const [form] = await arrangeForms(harness, manager, [{ routing: "offers" }]);
    if (!form) throw new Error("no form");
    const answer = await postLead(harness, form, {
      name: "Carla Ruiz",
      email: "carla@example.com",
    });
    expect(answer.status).toBe(201);
    const id = (answer.body as { opportunityId: string }).opportunityId;

    const opportunity = await harness.deps.store.getOpportunity(tenant, id);
    expect(opportunity?.ownerId).toBeNull();
    const offers = (await harness.call(manager, "GET", `/api/opportunities/${id}/offers`)).body as {
      items: Offer[];
    };
    expect(offers.items.map((offer) => offer.status)).toEqual(["pending", "pending"]);
    expect(offers.items.map((offer) => offer.userId).sort()).toEqual(
      [ana.userId, luis.userId].sort(),
    );

    const luisOffer = offers.items.find((offer) => offer.userId === luis.userId);
    const accepted = await harness.call(luis, "POST", `/api/offers/${luisOffer?.id}/accept`);
    expect(accepted.status).toBe(200);
    expect((await harness.deps.store.getOpportunity(tenant, id))?.ownerId).toBe(luis.userId);
  });

  it("keeps a lead nobody can be offered in the queue, never refusing the sender", async () => {
    const other = randomUUID();
    const boss = newTestUser(other, { manager: true });
    await harness.call(boss, "GET", "/api/settings");
    const [form] = await arrangeForms(harness, boss, [{ routing: "offers" }]);
    if (!form) throw new Error("no form");
    const answer = await postLead(harness, form, { name: "Nadie Aún", email: "n@example.com" });
    expect(answer.status).toBe(201);
    const id = (answer.body as { opportunityId: string }).opportunityId;
    expect((await harness.deps.store.getOpportunity(other, id))?.ownerId).toBeNull();
    const queue = await harness.call(boss, "GET", "/api/opportunities?view=first-contact");
    expect(JSON.stringify(queue.body)).toContain(id);
  });
});
