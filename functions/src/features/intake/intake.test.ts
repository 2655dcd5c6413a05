import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../tests/support/api-harness.js";
import { rawRequest } from "../../../../tests/support/raw-http.js";
import { BODY_LIMIT_BYTES } from "../../api/http/request-body.js";
import { arrangeForms, postLead, signatureOf } from "./intake.test-support.js";

let harness: ApiHarness;
const tenant = randomUUID();
const manager = newTestUser(tenant, { manager: true });
const ana = newTestUser(tenant, { name: "Ana García" });
const luis = newTestUser(tenant, { name: "Luis Romero" });
let roundRobin: { key: string; secret: string };
let toAna: { key: string; secret: string };
let flooded: { key: string; secret: string };
let targeted: { key: string; secret: string };
let burst: { key: string; secret: string };

const opportunityIdOf = (body: unknown) => (body as { opportunityId: string }).opportunityId;
const countOpportunities = async () =>
  (await harness.deps.store.listOpportunities(tenant, { kind: "all" }, { limit: 200 })).items
    .length;

// The clock stands still: the senders' budgets refill with time (60 a minute is one a second),
// so on a slow machine a real clock would hand a flood back a token between its posts.
const NOW = new Date();

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => NOW });
  // Users exist once they have called the API.
  for (const user of [manager, ana, luis]) await harness.call(user, "GET", "/api/settings");
  [roundRobin, toAna, flooded, targeted, burst] = (await arrangeForms(harness, manager, [
    { campaign: "spring-ads" },
    { routing: "owner", ownerId: ana.userId, source: "referral" },
    {},
    { routing: "owner", ownerId: ana.userId },
    { campaign: "burst" },
  ])) as [typeof roundRobin, typeof toAna, typeof flooded, typeof targeted, typeof burst];
});
afterAll(() => harness?.close());

describe("POST /api/intake/{formKey}", () => {
  it("creates an opportunity from a JSON lead authenticated by the form's key", async () => {
    const answer = await postLead(harness, toAna, {
      name: "Carla Ruiz",
      email: "carla@example.com",
      company: "Ruiz SL",
      message: "Please call me after 5",
      utm_source: "newsletter",
    });
    expect(answer.status).toBe(201);
    const opportunity = await harness.deps.store.getOpportunity(
      tenant,
      opportunityIdOf(answer.body),
    );
    expect(opportunity).toMatchObject({
      ownerId: ana.userId,
      source: "referral",
      stage: "new",
      createdBy: null,
      contact: { name: "Carla Ruiz", email: "carla@example.com", company: "Ruiz SL" },
    });
    const notes = await harness.deps.store.listNotes(tenant, opportunity?.id ?? "");
    expect(notes.items[0]?.text).toBe("Please call me after 5\nutm_source: newsletter");
  });

  it("accepts a form-encoded lead signed with HMAC-SHA256 and maps its fields and campaign", async () => {
    const body = new URLSearchParams({
      first_name: "Pedro",
      last_name: "Sanz",
      email: "pedro@example.com",
      phone: "+34 600 000 001",
    }).toString();
    const answer = await harness.call(null, "POST", `/api/intake/${roundRobin.key}`, {
      rawBody: body,
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Dealflow-Signature": signatureOf(body, roundRobin.secret),
      },
    });
    expect(answer.status).toBe(201);
    const opportunity = await harness.deps.store.getOpportunity(
      tenant,
      opportunityIdOf(answer.body),
    );
    expect(opportunity).toMatchObject({
      source: "web-form",
      campaign: "spring-ads",
      contact: { name: "Pedro Sanz", phone: "+34 600 000 001" },
    });
  });

  it("hands round-robin leads to each active seller in turn, never to a manager", async () => {
    const owners = [];
    for (const index of [1, 2, 3, 4]) {
      const answer = await postLead(harness, roundRobin, { name: `Lead ${index}` });
      const opportunity = await harness.deps.store.getOpportunity(
        tenant,
        opportunityIdOf(answer.body),
      );
      owners.push(opportunity?.ownerId);
    }
    expect(new Set(owners)).toEqual(new Set([ana.userId, luis.userId]));
    expect(owners[0]).not.toBe(owners[1]);
    expect(owners[2]).toBe(owners[0]);
  });

  it("keeps round-robin fair when a burst of leads arrives at once: each seller gets half", async () => {
    // A campaign's form posting a dozen leads at the same moment: they all race for the
    // form's cursor. Before the cursor took turns, losers of five races fell to the first
    // seller, so a burst went mostly to one person.
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        postLead(harness, burst, { name: `Burst lead ${String(index).padStart(2, "0")}` }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(12).fill(201));
    const owners = await Promise.all(
      answers.map(
        async (answer) =>
          (await harness.deps.store.getOpportunity(tenant, opportunityIdOf(answer.body)))?.ownerId,
      ),
    );
    const count = (id: string) => owners.filter((owner) => owner === id).length;
    expect({ ana: count(ana.userId), luis: count(luis.userId) }).toEqual({ ana: 6, luis: 6 });
  });

  it("follows a cursor moved by another instance: the next lead goes to the seller after its choice", async () => {
    const ownerOf = async (answer: { body: unknown }) =>
      (await harness.deps.store.getOpportunity(tenant, opportunityIdOf(answer.body)))?.ownerId;
    const first = await ownerOf(await postLead(harness, burst, { name: "Before the other" }));
    // Another instance takes a lead meanwhile: it moves the row this process last wrote.
    const { forms } = harness.deps.store;
    const row = await forms.get(burst.key);
    if (row === null) throw new Error("no form row");
    const theirs = first === ana.userId ? luis.userId : ana.userId;
    expect(await forms.advanceCursor(row, theirs)).not.toBe("lost");
    // Our remembered ETag is stale now: the write is refused, the row read again, and the
    // lead dealt after the other instance's choice, back to the first seller.
    const next = await ownerOf(await postLead(harness, burst, { name: "After the other" }));
    expect(next).toBe(first);
  });

  it("refuses a bad signature or a wrong key with 401 and writes nothing", async () => {
    const before = await countOpportunities();
    const body = JSON.stringify({ name: "Mallory" });
    const signed = await harness.call(null, "POST", `/api/intake/${roundRobin.key}`, {
      rawBody: body,
      headers: {
        "Content-Type": "application/json",
        "X-Dealflow-Signature": signatureOf(body, "wrong"),
      },
    });
    const keyed = await postLead(harness, roundRobin, { name: "Mallory" }).then(() =>
      harness.call(null, "POST", `/api/intake/${roundRobin.key}`, {
        body: { name: "Mallory" },
        headers: { "X-Dealflow-Key": `${roundRobin.secret}x` },
      }),
    );
    const none = await harness.call(null, "POST", `/api/intake/${roundRobin.key}`, {
      body: { name: "Mallory" },
    });
    expect([signed.status, keyed.status, none.status]).toEqual([401, 401, 401]);
    // The one well-keyed post in between is the only new opportunity.
    expect(await countOpportunities()).toBe(before + 1);
  });

  it("makes one opportunity of a lead posted twice with the same externalId", async () => {
    const externalId = `lead-${randomUUID()}`;
    const first = await postLead(harness, toAna, { name: "Twice", externalId });
    const before = await countOpportunities();
    const replay = await postLead(harness, toAna, { name: "Twice", external_id: externalId });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(200);
    expect(opportunityIdOf(replay.body)).toBe(opportunityIdOf(first.body));
    expect(await countOpportunities()).toBe(before);
  });

  it("refuses a body over 1 MiB with 413", async () => {
    const answer = await harness.call(null, "POST", `/api/intake/${toAna.key}`, {
      rawBody: JSON.stringify({ name: "Big", message: "x".repeat(BODY_LIMIT_BYTES) }),
      headers: { "Content-Type": "application/json", "X-Dealflow-Key": toAna.secret },
    });
    expect(answer.status).toBe(413);
  });

  it("answers 404 for an unknown form and 400 naming a missing name", async () => {
    const unknown = await postLead(
      harness,
      { key: "no-such-form", secret: "x" },
      { name: "Nobody" },
    );
    expect(unknown.status).toBe(404);
    const nameless = await postLead(harness, toAna, { company: "No name" });
    expect(nameless.status).toBe(400);
    expect(nameless.body).toMatchObject({ errors: [{ path: "name" }] });
  });

  it("limits an address's failed attempts on a form key: 10, then 429 with Retry-After", async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let attempt = 0; attempt < 70 && retryAfter === null; attempt += 1) {
      const answer = await harness.call(null, "POST", `/api/intake/${flooded.key}`, {
        body: { name: "Flood" },
        headers: { "X-Dealflow-Key": "wrong" },
      });
      statuses.push(answer.status);
      retryAfter = answer.headers.get("retry-after");
    }
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    // Another form's budget is its own.
    expect((await postLead(harness, toAna, { name: "Unaffected" })).status).toBe(201);
  });

  it("limits a form's authenticated posts to 60 a minute, 429 with Retry-After past them", async () => {
    const [busy] = await arrangeForms(harness, manager, [{}]);
    if (busy === undefined) throw new Error("no form");
    const statuses: number[] = [];
    // Authenticated but nameless: each spends the form's budget and writes nothing.
    for (let post = 0; post < 61; post += 1) {
      statuses.push((await postLead(harness, busy, { company: "No name" })).status);
    }
    const over = await postLead(harness, busy, { name: "One too many" });

    expect(statuses.slice(0, 60).every((status) => status === 400)).toBe(true);
    expect(statuses[60]).toBe(429);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it("still takes a form's real lead after a stranger flooded its key with junk", async () => {
    // The stranger guesses the key from the page's form action and posts from another address.
    const junk: number[] = [];
    for (let attempt = 0; attempt < 70; attempt += 1) {
      const answer = await rawRequest(`${harness.url}/api/intake/${targeted.key}`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Dealflow-Key": "guessed" },
        body: JSON.stringify({ name: "Junk" }),
        localAddress: "127.0.0.2",
      });
      junk.push(answer.status);
    }

    const real = await postLead(harness, targeted, { name: "Real Lead" });

    expect(new Set(junk)).toEqual(new Set([401, 429]));
    expect(junk.at(-1)).toBe(429);
    expect(real.status).toBe(201);
  });
});
