import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../../tests/support/api-harness.js";
import {
  applicationEvent,
  arrangeConnector,
  CLIENT,
  type Connector,
  nextIds,
  postEvent,
  rowCount,
} from "../marketplace.test-support.js";

// Review of issue 16: redactHiddenText finds the client's name, company and email in our
// texts (the title, the brief, timeline lines) by looking at the opportunity's roles. The
// owner tried to change those roles: swap their own contact in as the Contact and remove the
// client, after which nothing on the opportunity said whose name to take out. While the client
// is hidden or withheld the roles now wait for the reveal (core/src/roles/participants.ts).
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

/** The owner's first step of the swap: a contact of their own, then the attempts. */
const ownContact = async () => {
  const mine = await harness.call(ana, "POST", "/api/opportunities", {
    body: {
      contact: { name: "Carmen Vidal", email: `carmen.${randomUUID()}@ana.example` },
      source: "referral",
      ownerId: ana.userId,
    },
  });
  expect(mine.status, mine.text).toBe(201);
  return (mine.body as { contact: { id: string } }).contact.id;
};

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => now });
  for (const user of [manager, ana, pablo]) await harness.call(user, "GET", "/api/settings");
  connector = await arrangeConnector(harness, manager, { name: "Workana" });
});
afterAll(() => harness?.close());

describe("an owner who tries to swap the hidden client out of the roles", () => {
  it("is refused each step, writes nothing, and still reads no client in title or brief", async () => {
    const opportunityId = await applyHidden();
    const myContactId = await ownContact();
    const at = `/api/opportunities/${opportunityId}`;
    const clientId = ((await harness.call(ana, "GET", at)).body as { contact: { id: string } })
      .contact.id;
    const before = await rowCount(harness, tenant);

    const attempts = [
      await harness.call(ana, "POST", `${at}/participants/${myContactId}`),
      await harness.call(manager, "POST", `${at}/participants/${myContactId}`),
      await harness.call(ana, "PUT", `${at}/contact`, { body: { contactId: myContactId } }),
      await harness.call(ana, "DELETE", `${at}/participants/${clientId}`),
    ];

    expect(attempts.map((answer) => answer.status)).toEqual([409, 409, 409, 409]);
    expect(await rowCount(harness, tenant)).toBe(before);
    const after = await harness.call(ana, "GET", at);
    expect(after.body).toMatchObject({ marketplace: { visibility: "hidden" } });
    expect(leaksIn(after.text)).toEqual([]);
    const listed = await harness.call(manager, "GET", "/api/opportunities?view=all");
    expect(leaksIn(listed.text)).toEqual([]);
  });

  it("is refused after a decline too: a withheld client is never revealed", async () => {
    const ids = nextIds();
    const applied = await postEvent(
      harness,
      connector,
      applicationEvent(ids, { ownerId: ana.userId }),
    );
    const opportunityId = (applied.body as { opportunityId: string }).opportunityId;
    const declined = await postEvent(harness, connector, {
      id: nextIds().event,
      type: "client-declined",
      applicationId: ids.application,
    });
    expect(declined.status).toBe(200);
    const myContactId = await ownContact();

    const answer = await harness.call(
      ana,
      "POST",
      `/api/opportunities/${opportunityId}/participants/${myContactId}`,
    );

    expect(answer.status).toBe(409);
  });

  it("changes the roles freely once the client is revealed", async () => {
    const ids = nextIds();
    const applied = await postEvent(
      harness,
      connector,
      applicationEvent(ids, { ownerId: ana.userId }),
    );
    const opportunityId = (applied.body as { opportunityId: string }).opportunityId;
    const accepted = await postEvent(harness, connector, {
      id: nextIds().event,
      type: "client-accepted",
      applicationId: ids.application,
    });
    expect(accepted.status).toBe(200);
    const myContactId = await ownContact();

    const answer = await harness.call(
      ana,
      "POST",
      `/api/opportunities/${opportunityId}/participants/${myContactId}`,
    );

    expect(answer.status).toBe(200);
  });
});
