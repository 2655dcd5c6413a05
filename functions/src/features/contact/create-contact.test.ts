import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../tests/support/api-harness.js";
import { arrangeOpportunity, arrangeUser } from "../../api/api.test-support.js";
import { tenantSnapshot } from "../opportunity/opportunity.test-support.js";

// POST /api/contacts (issue 19): any signed-in user adds a person; a known email is offered,
// not merged; a hidden marketplace client's email finds nothing; nothing crosses tenants.
const NOW = new Date("2026-03-02T09:00:00.000Z");
let harness: ApiHarness;
const tenant = randomUUID();
const seller = newTestUser(tenant, { name: "Ana García" });
const colleague = newTestUser(tenant, { name: "Luis Pérez" });
const manager = newTestUser(tenant, { name: "Marta Ruiz", manager: true });
const other = newTestUser(randomUUID(), { name: "Someone Else" });

type Shown = { id: string; name: string; email: string | null; company: string | null };
type Problem = {
  type?: string;
  status: number;
  errors?: { path: string; message: string }[];
  duplicateOf?: Shown;
};

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => NOW });
  for (const user of [seller, colleague, manager, other]) await arrangeUser(harness, user);
  await arrangeOpportunity(harness, {
    owner: seller,
    contact: { name: "Carmen Vidal", email: "carmen@vidal.example" },
  });
  await arrangeOpportunity(harness, {
    owner: seller,
    source: "marketplace",
    contact: { name: "Carmen Oculta", email: "oculta@secret.example" },
    marketplace: { visibility: "hidden" },
  });
});
afterAll(() => harness?.close());

const post = (user: typeof seller, body: unknown) =>
  harness.call(user, "POST", "/api/contacts", { body });

describe("POST /api/contacts", () => {
  it("creates the contact a seller typed, answers 201 with it, and finds it by search", async () => {
    const answer = await post(seller, {
      name: "Jorge Navarro",
      email: "jorge@navarro.example",
      company: "Navarro Abogados",
      phone: "+34 611 200 102",
    });
    expect(answer.status).toBe(201);
    const created = answer.body as Shown;
    expect(created).toMatchObject({ name: "Jorge Navarro", company: "Navarro Abogados" });
    expect(answer.headers.get("location")).toBe(`/api/contacts/${created.id}`);
    const found = await harness.call(seller, "GET", "/api/contacts?q=Navarro");
    expect((found.body as { items: Shown[] }).items.map((c) => c.id)).toContain(created.id);
  });

  it("refuses a missing name and a bad email, naming each field, and writes nothing", async () => {
    const before = await tenantSnapshot(harness, tenant);
    const nameless = await post(seller, { email: "x@y.example" });
    expect(nameless.status).toBe(400);
    expect((nameless.body as Problem).errors?.map((e) => e.path)).toContain("name");
    const badEmail = await post(seller, { name: "Eva", email: "not-an-email" });
    expect(badEmail.status).toBe(400);
    expect((badEmail.body as Problem).errors?.map((e) => e.path)).toEqual(["email"]);
    expect(await tenantSnapshot(harness, tenant)).toEqual(before);
  });

  it("offers the contact that already has the email (409), and adds a second one only when asked", async () => {
    const before = await tenantSnapshot(harness, tenant);
    const again = await post(seller, { name: "C. Vidal", email: "Carmen@Vidal.example" });
    expect(again.status).toBe(409);
    const problem = again.body as Problem;
    expect(problem.type).toBe("urn:dealflow:problem:duplicate-contact");
    expect(problem.duplicateOf).toMatchObject({ name: "Carmen Vidal" });
    expect(await tenantSnapshot(harness, tenant)).toEqual(before);

    const anyway = await post(seller, {
      name: "C. Vidal",
      email: "carmen@vidal.example",
      allowDuplicate: true,
    });
    expect(anyway.status).toBe(201);
  });

  it("does not reveal a hidden marketplace client through its email", async () => {
    const answer = await post(seller, { name: "Guess", email: "oculta@secret.example" });
    expect(answer.status).toBe(201);
    expect(JSON.stringify(answer.body)).not.toContain("Carmen Oculta");
  });

  it("keeps each tenant's contacts apart: a known email of another tenant is no duplicate", async () => {
    const answer = await post(other, { name: "Jorge N.", email: "jorge@navarro.example" });
    expect(answer.status).toBe(201);
    // The other tenant's search finds its own Jorge only, never the first tenant's.
    const found = await harness.call(other, "GET", "/api/contacts?q=Jorge");
    expect((found.body as { items: Shown[] }).items.map((c) => c.name)).toEqual(["Jorge N."]);
  });

  it("stores markdown in a name as the text typed (cards escape it when they show it)", async () => {
    const answer = await post(seller, { name: "**Boss** [x](http://evil.example)" });
    expect(answer.status).toBe(201);
    expect((answer.body as Shown).name).toBe("**Boss** [x](http://evil.example)");
  });

  it("refuses fields the API does not take", async () => {
    const answer = await post(seller, { name: "Eva", tenantId: "someone-else" });
    expect(answer.status).toBe(400);
  });
});

type Profile = Shown & { permissions: { edit: boolean }; opportunities: { id: string }[] };

describe("a new contact as an Other participant (issue 19, item 2)", () => {
  it("creates the person and adds them to the seller's opportunity; the profile says who may edit", async () => {
    const deal = await arrangeOpportunity(harness, {
      owner: seller,
      contact: { name: "Pilar Soto", email: "pilar@soto.example" },
    });
    const created = await post(seller, { name: "Raúl CFO", email: "raul@soto.example" });
    expect(created.status).toBe(201);
    const cfo = created.body as Shown;
    // Before taking part in anything, only a manager may edit the new person (SPEC §7).
    const loose = await harness.call(seller, "GET", `/api/contacts/${cfo.id}`);
    expect((loose.body as Profile).permissions).toEqual({ edit: false });
    const asManager = await harness.call(manager, "GET", `/api/contacts/${cfo.id}`);
    expect((asManager.body as Profile).permissions).toEqual({ edit: true });

    const read = await harness.call(seller, "GET", `/api/opportunities/${deal.id}`);
    const added = await harness.call(
      seller,
      "POST",
      `/api/opportunities/${deal.id}/participants/${cfo.id}`,
      { headers: { "If-Match": read.headers.get("etag") ?? "" } },
    );
    expect(added.status).toBe(200);
    expect((added.body as { participants: Shown[] }).participants.map((p) => p.name)).toEqual([
      "Raúl CFO",
    ]);
    const profile = (await harness.call(seller, "GET", `/api/contacts/${cfo.id}`)).body as Profile;
    expect(profile.permissions).toEqual({ edit: true });
    expect(profile.opportunities.map((o) => o.id)).toEqual([deal.id]);
    // A colleague who neither owns nor follows the deal reads the person but may not edit them.
    const theirs = await harness.call(colleague, "GET", `/api/contacts/${cfo.id}`);
    expect((theirs.body as Profile).permissions).toEqual({ edit: false });
    expect((theirs.body as Profile).opportunities).toEqual([]);
    const refused = await harness.call(colleague, "PATCH", `/api/contacts/${cfo.id}`, {
      body: { phone: "+34 600 000 000" },
    });
    expect(refused.status).toBe(403);
  });
});
