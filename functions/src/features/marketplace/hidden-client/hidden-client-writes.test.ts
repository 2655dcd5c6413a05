import { randomUUID } from "node:crypto";
import { handleCommand, parseCommand } from "@dealflow/bot";
import type { ImportReport } from "@dealflow/contract";
import type { Opportunity } from "@dealflow/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
  type TestUser,
} from "../../../../../tests/support/api-harness.js";
import { botDataOf } from "../../../bot/bot-data.adapter.js";
import {
  applicationEvent,
  arrangeConnector,
  CLIENT,
  type Connector,
  nextIds,
  outbox,
  postEvent,
  rowCount,
} from "../marketplace.test-support.js";

// SPEC §4.4, issue "Hidden clients stay hidden on every write path": a seller who can read the
// hidden opportunity learns the client's contact id from it. These are the requests they (and
// a curious manager) send to turn that id, or a guessed email, into the client's identity.
const SECRETS = [
  CLIENT.name,
  "Beatriz",
  "Solano",
  CLIENT.phone,
  CLIENT.company,
  CLIENT.linkedinUrl,
];

const now = new Date("2026-05-04T08:00:00.000Z");
let harness: ApiHarness;
const tenant = randomUUID();
const manager = newTestUser(tenant, { manager: true, name: "Marta Manager" });
const ana = newTestUser(tenant, { name: "Ana García" });
const luis = newTestUser(tenant, { name: "Luis Romero" });
let connector: Connector;
let hidden: { application: string; opportunityId: string; contactId: string };
let anasOwn: Opportunity;

/** The hidden values in `text`, but for those the attacker typed themselves (`typed`). */
const leaksIn = (text: string, typed = "") =>
  SECRETS.filter(
    (secret) =>
      text.toLowerCase().includes(secret.toLowerCase()) &&
      !typed.toLowerCase().includes(secret.toLowerCase()),
  );

const applyHidden = async (ownerId: string) => {
  const ids = nextIds();
  const answer = await postEvent(harness, connector, applicationEvent(ids, { ownerId }));
  expect(answer.status).toBe(201);
  const opportunityId = (answer.body as { opportunityId: string }).opportunityId;
  const read = await harness.call(ana, "GET", `/api/opportunities/${opportunityId}`);
  // What the attacker starts from: the id on the redacted opportunity they may read.
  const contactId = (read.body as Opportunity).contact.id;
  expect(leaksIn(read.text)).toEqual([]);
  return { application: ids.application, opportunityId, contactId };
};

const createOwn = async (user: TestUser) => {
  const answer = await harness.call(user, "POST", "/api/opportunities", {
    body: { contact: { name: "Olga Own", email: "olga@own.example" }, source: "referral" },
  });
  expect(answer.status).toBe(201);
  return answer.body as Opportunity;
};

const askBot = async (user: TestUser, text: string) => {
  const data = botDataOf(harness.deps.store, harness.deps.store.deliveryLog, harness.deps.clock);
  const card = await handleCommand(
    parseCommand(text),
    { tenantId: tenant, userId: user.userId, clientLocale: "en", channel: null, now },
    {
      data,
      conversations: harness.deps.store.conversations,
      links: { teamsAppId: null, baseUrl: "https://dealflow.test" },
    },
  );
  return JSON.stringify(card);
};

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => now });
  for (const user of [manager, ana, luis]) await harness.call(user, "GET", "/api/settings");
  connector = await arrangeConnector(harness, manager, { name: "Workana" });
  hidden = await applyHidden(ana.userId);
  anasOwn = await createOwn(ana);
});
afterAll(() => harness?.close());

describe("a hidden client's contact id, used from another opportunity", () => {
  it("cannot be added as a participant: 404 as for an unknown contact, nothing written", async () => {
    const before = await rowCount(harness, tenant);
    const unknown = await harness.call(
      ana,
      "POST",
      `/api/opportunities/${anasOwn.id}/participants/${randomUUID()}`,
    );

    const answer = await harness.call(
      ana,
      "POST",
      `/api/opportunities/${anasOwn.id}/participants/${hidden.contactId}`,
    );

    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.text).detail).toBe(JSON.parse(unknown.text).detail);
    expect(leaksIn(answer.text)).toEqual([]);
    expect(await rowCount(harness, tenant)).toBe(before);
    const timeline = await harness.call(ana, "GET", `/api/opportunities/${anasOwn.id}/activities`);
    expect(leaksIn(timeline.text)).toEqual([]);
    expect(leaksIn(JSON.stringify(await outbox(harness, tenant)))).toEqual([]);
  });

  it("cannot be added by a manager either", async () => {
    const answer = await harness.call(
      manager,
      "POST",
      `/api/opportunities/${anasOwn.id}/participants/${hidden.contactId}`,
    );

    expect(answer.status).toBe(404);
    expect(leaksIn(answer.text)).toEqual([]);
  });

  it("cannot be promoted to Contact of another opportunity", async () => {
    const answer = await harness.call(ana, "PUT", `/api/opportunities/${anasOwn.id}/contact`, {
      body: { contactId: hidden.contactId },
    });

    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(answer.status).toBeLessThan(500);
    expect(leaksIn(answer.text)).toEqual([]);
  });

  it("opens no profile for a seller who cannot read its application", async () => {
    for (const method of ["GET", "PATCH"] as const) {
      const answer = await harness.call(luis, method, `/api/contacts/${hidden.contactId}`, {
        ...(method === "PATCH" ? { body: { classification: "likely" } } : {}),
      });
      expect(answer.status, method).toBe(404);
      expect(leaksIn(answer.text)).toEqual([]);
    }
  });

  it("opens the owner's profile of it redacted, through its application only", async () => {
    const answer = await harness.call(ana, "GET", `/api/contacts/${hidden.contactId}`);

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ hidden: true, name: "Hidden client" });
    expect((answer.body as { opportunities: { id: string }[] }).opportunities).toEqual([
      expect.objectContaining({ id: hidden.opportunityId }),
    ]);
    expect(leaksIn(answer.text)).toEqual([]);
  });
});

describe("a hidden client guessed by name or email", () => {
  it("is not found by the contact search, by name, email or company", async () => {
    for (const q of ["Beatriz", "Solano", CLIENT.email, CLIENT.company]) {
      const answer = await harness.call(manager, "GET", `/api/contacts?q=${encodeURIComponent(q)}`);
      expect(answer.status).toBe(200);
      expect((answer.body as { items: unknown[] }).items, q).toEqual([]);
    }
  });

  it("is not found by the bot's status or follow, for the owner or a manager", async () => {
    for (const user of [ana, manager]) {
      for (const text of [
        "status Beatriz",
        "status Solano Textiles",
        `status ${CLIENT.email}`,
        "follow Beatriz Solano",
      ]) {
        const card = await askBot(user, text);
        expect(card, `${text} for ${user.name}`).toContain("I found no opportunity");
        expect(leaksIn(card, text)).toEqual([]);
      }
    }
  });

  it("is not matched by a contacts import dry run: the guess reads as a new contact", async () => {
    const csv = (email: string) => `name,email\nGuess,${email}`;
    const post = (email: string) =>
      harness.call(manager, "POST", "/api/import/contacts?dryRun=true", {
        rawBody: csv(email),
        headers: { "Content-Type": "text/csv" },
      });

    const guessed = (await post(CLIENT.email)).body as ImportReport;
    const random = (await post("nobody@random.example")).body as ImportReport;

    expect(guessed.rows[0]?.status).toBe(random.rows[0]?.status);
    expect(guessed.rows[0]?.errors).toEqual([]);
  });

  it("is not reused by an opportunities import, dry run or not", async () => {
    const csv = `name,email,source\nGuess,${CLIENT.email},referral`;
    for (const query of ["?dryRun=true", ""]) {
      const answer = await harness.call(manager, "POST", `/api/import/opportunities${query}`, {
        rawBody: csv,
        headers: { "Content-Type": "text/csv" },
      });
      expect(answer.status, answer.text).toBeLessThan(300);
      expect(leaksIn(answer.text, csv)).toEqual([]);
    }
    const opportunities = await harness.call(manager, "GET", "/api/opportunities?view=all&q=Guess");
    const [guess] = (opportunities.body as { items: Opportunity[] }).items;
    expect(guess?.contact.id).toBeDefined();
    expect(guess?.contact.id).not.toBe(hidden.contactId);
    expect(leaksIn(opportunities.text, csv)).toEqual([]);
  });
});

describe("once revealed", () => {
  it("the client is an ordinary contact: searchable and attachable", async () => {
    const accepted = await postEvent(harness, connector, {
      id: nextIds().event,
      type: "client-accepted",
      applicationId: hidden.application,
    });
    expect(accepted.status).toBe(200);

    const found = await harness.call(ana, "GET", "/api/contacts?q=Beatriz");
    expect((found.body as { items: { id: string }[] }).items.map((c) => c.id)).toContain(
      hidden.contactId,
    );
    const added = await harness.call(
      ana,
      "POST",
      `/api/opportunities/${anasOwn.id}/participants/${hidden.contactId}`,
    );
    expect(added.status).toBe(200);
  });
});
