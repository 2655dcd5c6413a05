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
  for (const user of [seller, other]) await arrangeUser(harness, user);
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
