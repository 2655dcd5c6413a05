import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../tests/support/api-harness.js";
import { arrangeOpportunity } from "../../api/api.test-support.js";
import { createOutboxMailer } from "../../mail/outbox-mailer.js";
import { ownerMailChannel } from "../../mail/owner-mail.channel.js";
import { subjectReads } from "../../notifications/recipients.js";
import {
  applicationEvent,
  arrangeConnector,
  type Connector,
  nextIds,
  postEvent,
  rowCount,
} from "./marketplace.test-support.js";

// Issue 20 item 5, SPEC §4.4 "or manual entry": the owner or a manager records what the
// client did, with the connector's rules and refund outcomes; nobody else can.
const HOUR = 3_600_000;
let now = new Date("2026-03-02T09:00:00.000Z");
let harness: ApiHarness;
const tenant = randomUUID();
const manager = newTestUser(tenant, { manager: true, name: "Marta Díaz" });
const ana = newTestUser(tenant, { name: "Ana García", email: "ana@example.test" });
const luis = newTestUser(tenant, { name: "Luis Romero" });
let connector: Connector;

type Opp = {
  id: string;
  status: string;
  stage: string;
  firstContact: { targetAt: string };
  marketplace: {
    visibility: string;
    refund: string;
    refundReason: string | null;
    meetingHeld: boolean;
  };
};

const path = (id: string) => `/api/opportunities/${id}/marketplace-outcome`;
const record = async (user: typeof ana, id: string, outcome: string, ifMatch?: string) =>
  harness.call(user, "POST", path(id), {
    body: { outcome },
    ...(ifMatch ? { headers: { "If-Match": ifMatch } } : {}),
  });

/** A hidden application of Ana's, received now. */
const applied = async (): Promise<string> => {
  const answer = await postEvent(
    harness,
    connector,
    applicationEvent(nextIds(), { ownerId: ana.userId }),
  );
  expect(answer.status).toBe(201);
  return (answer.body as { opportunityId: string }).opportunityId;
};

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => now });
  for (const user of [manager, ana, luis]) await harness.call(user, "GET", "/api/settings");
  connector = await arrangeConnector(harness, manager);
});
afterAll(() => harness?.close());

describe("POST /api/opportunities/{id}/marketplace-outcome", () => {
  it("lets the owner record the acceptance: revealed, first-contact clocks from now, on her name", async () => {
    const id = await applied();
    now = new Date(now.getTime() + 3 * HOUR);
    const read = await harness.call(ana, "GET", `/api/opportunities/${id}`);
    const answer = await record(ana, id, "client-accepted", read.headers.get("etag") ?? "");
    expect(answer.status).toBe(200);
    const opportunity = answer.body as Opp;
    expect(opportunity.marketplace.visibility).toBe("revealed");
    // The target counts from the reveal (now), not from the application three hours ago.
    expect(Date.parse(opportunity.firstContact.targetAt)).toBeGreaterThan(now.getTime());
    const stored = await harness.deps.store.getOpportunity(tenant, id);
    expect(stored?.deadlines.map((ref) => ref.kind).sort()).toEqual([
      "first-contact-escalation",
      "first-contact-target",
    ]);
    const lines = await harness.deps.store.listActivities(tenant, id);
    expect(lines.items.find((line) => line.type === "contact-revealed")?.actorId).toBe(ana.userId);
  });

  it("after a meeting held, a decline is not refunded (SPEC §4.4), as from the connector", async () => {
    const id = await applied();
    expect((await record(ana, id, "client-accepted")).status).toBe(200);
    const held = await record(ana, id, "meeting-held");
    expect((held.body as Opp).marketplace.meetingHeld).toBe(true);
    const declined = await record(ana, id, "client-declined");
    expect(declined.status).toBe(200);
    expect((declined.body as Opp).marketplace).toMatchObject({
      refund: "not-eligible",
      refundReason: "meeting-held",
    });
  });

  it("a manager records a decline while hidden: withheld, refund eligible, the owner mailed", async () => {
    const id = await applied();
    const answer = await record(manager, id, "client-declined");
    expect(answer.status).toBe(200);
    expect((answer.body as Opp).marketplace).toMatchObject({
      visibility: "withheld",
      refund: "eligible",
    });
    const withheld = (await harness.deps.store.listActivities(tenant, id)).items.find(
      (line) => line.type === "contact-withheld",
    );
    const notification = await harness.deps.store.getNotification(
      tenant,
      `activity:${withheld?.id}`,
    );
    if (notification === null) throw new Error("no outbox row for the decline");
    const channel = ownerMailChannel({
      store: harness.deps.store,
      mailer: createOutboxMailer(harness.deps.store.mailOutbox, () => now),
    });
    await channel.deliver(notification, {
      now,
      log: () => {},
      reads: subjectReads(harness.deps.store, notification),
    });
    const mails = await harness.deps.store.mailOutbox.listMails(tenant);
    expect(mails.map((mail) => [mail.to, mail.subject])).toContainEqual([
      "ana@example.test",
      "Client declined: Rebuild the online shop",
    ]);
    // Accepting a client who already declined is refused, and writes nothing.
    const before = await rowCount(harness, tenant);
    expect((await record(ana, id, "client-accepted")).status).toBe(409);
    expect(await rowCount(harness, tenant)).toBe(before);
  });

  it("refuses another seller (404, as if it did not exist), a follower (403) and bad input (400)", async () => {
    const id = await applied();
    const before = await rowCount(harness, tenant);
    expect((await record(luis, id, "client-accepted")).status).toBe(404);
    const read = await harness.call(manager, "GET", `/api/opportunities/${id}`);
    await harness.call(manager, "POST", `/api/opportunities/${id}/followers/${luis.userId}`, {
      headers: { "If-Match": read.headers.get("etag") ?? "" },
    });
    const afterFollow = await rowCount(harness, tenant);
    expect((await record(luis, id, "client-accepted")).status).toBe(403);
    const bad = await record(ana, id, "client-ghosted");
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('"path":"outcome"');
    expect(await rowCount(harness, tenant)).toBe(afterFollow);
    expect(afterFollow).toBeGreaterThan(before);
  });

  it("answers 409 for an opportunity that did not come from a marketplace, and 412 for a stale copy", async () => {
    const plain = await arrangeOpportunity(harness, { owner: ana });
    expect((await record(ana, plain.id, "client-accepted")).status).toBe(409);
    const id = await applied();
    const read = await harness.call(ana, "GET", `/api/opportunities/${id}`);
    const etag = read.headers.get("etag") ?? "";
    expect((await record(ana, id, "meeting-held", etag)).status).toBe(200);
    expect((await record(ana, id, "client-accepted", etag)).status).toBe(412);
  });
});
