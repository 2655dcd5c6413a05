import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../tests/support/api-harness.js";
import { resolveDeliveries } from "../../notifications/recipients.js";
import { renderCard } from "../../notifications/render-card.js";
import {
  applicationEvent,
  arrangeConnector,
  CLIENT,
  type Connector,
  nextIds,
  outbox,
  postEvent,
} from "./marketplace.test-support.js";

// Review of issue 16: redactHiddenText finds the client's name, company and email in our
// texts (the title, the brief, timeline lines) by looking at the opportunity's current roles.
// The owner changes those roles: they swap their own contact in as the Contact and remove
// the client, after which nothing on the opportunity says whose name to take out.
const SECRETS = [CLIENT.name, "Beatriz", "Solano", CLIENT.email, CLIENT.company];

const now = new Date("2026-05-04T08:00:00.000Z");
let harness: ApiHarness;
const tenant = randomUUID();
const manager = newTestUser(tenant, { manager: true, name: "Marta Manager" });
const ana = newTestUser(tenant, { name: "Ana García" });
const pablo = newTestUser(tenant, { name: "Pablo Follower" });
let connector: Connector;

const leaksIn = (text: string): string[] =>
  SECRETS.filter((secret) => text.toLowerCase().includes(secret.toLowerCase()));

/** An application owned by Ana and followed by Pablo; by default the client signs the brief. */
const applyHidden = async (
  over: Record<string, unknown> = {
    title: null,
    brief: `Beatriz Solano needs a new shop\nRegards, ${CLIENT.name} (${CLIENT.company}), ${CLIENT.email}`,
  },
): Promise<string> => {
  const answer = await postEvent(
    harness,
    connector,
    applicationEvent(nextIds(), { ownerId: ana.userId, ...over }),
  );
  expect(answer.status).toBe(201);
  const opportunityId = (answer.body as { opportunityId: string }).opportunityId;
  const followed = await harness.call(
    manager,
    "POST",
    `/api/opportunities/${opportunityId}/followers/${pablo.userId}`,
  );
  expect(followed.status).toBeLessThan(300);
  return opportunityId;
};

/**
 * The owner's three requests: a contact of their own as participant, promoted to Contact
 * (the client becomes a participant), then the client removed from the participants.
 */
const swapClientOut = async (opportunityId: string) => {
  const mine = await harness.call(ana, "POST", "/api/opportunities", {
    body: {
      contact: { name: "Carmen Vidal", email: `carmen.${randomUUID()}@ana.example` },
      source: "referral",
      ownerId: ana.userId,
    },
  });
  expect(mine.status, mine.text).toBe(201);
  const myContactId = (mine.body as { contact: { id: string } }).contact.id;
  const at = `/api/opportunities/${opportunityId}`;
  const hidden = await harness.call(ana, "GET", at);
  const clientId = (hidden.body as { contact: { id: string } }).contact.id;

  expect((await harness.call(ana, "POST", `${at}/participants/${myContactId}`)).status).toBe(200);
  expect(
    (await harness.call(ana, "PUT", `${at}/contact`, { body: { contactId: myContactId } })).status,
  ).toBe(200);
  expect((await harness.call(ana, "DELETE", `${at}/participants/${clientId}`)).status).toBe(200);
};

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => now });
  for (const user of [manager, ana, pablo]) await harness.call(user, "GET", "/api/settings");
  connector = await arrangeConnector(harness, manager, { name: "Workana" });
});
afterAll(() => harness?.close());

describe("an owner who swaps the hidden client out of the roles", () => {
  it("still reads no client name, company or email in the opportunity's title and brief", async () => {
    const opportunityId = await applyHidden();
    const before = await harness.call(ana, "GET", `/api/opportunities/${opportunityId}`);
    expect(leaksIn(before.text)).toEqual([]);

    await swapClientOut(opportunityId);

    const after = await harness.call(ana, "GET", `/api/opportunities/${opportunityId}`);
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ marketplace: { visibility: "hidden" } });
    expect(leaksIn(after.text)).toEqual([]);
  });

  it("leaves no client name in the manager's list of opportunities either", async () => {
    const opportunityId = await applyHidden();

    await swapClientOut(opportunityId);

    const answer = await harness.call(manager, "GET", "/api/opportunities?view=all");
    expect(answer.status).toBe(200);
    expect(leaksIn(answer.text)).toEqual([]);
  });

  // A title and brief that name nobody: only the timeline line of the removal can leak. The
  // API's timeline redacts it by type (redactHiddenActivity); the follower card does not.
  it("does not tell the followers the client's name in the card about the removal", async () => {
    const opportunityId = await applyHidden({});

    await swapClientOut(opportunityId);

    const timeline = await harness.call(
      pablo,
      "GET",
      `/api/opportunities/${opportunityId}/activities`,
    );

    const settings = await harness.deps.store.getSettings(tenant);
    const ctx = {
      store: harness.deps.store,
      tenantId: tenant,
      settings,
      links: { teamsAppId: null, baseUrl: "https://dealflow.test" },
      now,
      user: (id: string) => harness.deps.store.getUser(tenant, id),
      names: async (id: string | null) =>
        id ? ((await harness.deps.store.getUser(tenant, id))?.name ?? null) : null,
    };
    const rows = (await outbox(harness, tenant)).filter(
      (row) => row.opportunityId === opportunityId && row.type === "activity",
    );
    const cards: string[] = [];
    for (const row of rows) {
      for (const delivery of await resolveDeliveries(harness.deps.store, row)) {
        if (delivery.to !== "user" || delivery.userId !== pablo.userId) continue;
        cards.push(
          JSON.stringify(await renderCard(delivery.card, ctx, { locale: "en", timeZone: "UTC" })),
        );
      }
    }
    // Pablo hears of each change of roles (not a vacuous pass).
    expect(cards.some((card) => card.includes("as a participant"))).toBe(true);
    expect(cards.flatMap(leaksIn)).toEqual([]);
    expect(leaksIn(timeline.text)).toEqual([]);
  });
});
