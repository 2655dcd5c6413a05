import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../tests/support/api-harness.js";
import { resolveDeliveries } from "../../notifications/recipients.js";
import {
  applicationEvent,
  arrangeConnector,
  CLIENT,
  type Connector,
  MEETING_URL,
  nextIds,
  outbox,
  postEvent,
  rowCount,
  sweep,
} from "./marketplace.test-support.js";

// SPEC §4.4 through the route and the SLA sweep, with a clock the tests move by hand.
const HOUR = 3_600_000;
let now = new Date("2026-03-02T09:00:00.000Z");
let harness: ApiHarness;
const tenant = randomUUID();
const manager = newTestUser(tenant, { manager: true });
const ana = newTestUser(tenant, { name: "Ana García" });
let connector: Connector;

type Opp = {
  id: string;
  status: string;
  contact: { name: string; email: string | null };
  marketplace: {
    visibility: string;
    refund: string;
    refundReason: string | null;
    meetingAt: string | null;
    meetingUrl: string | null;
    meetingHeld: boolean;
  };
};
type Answer = { opportunityId: string; visibility: string; changed: boolean; replayed: boolean };

const at = (hours: number, from: Date) => new Date(from.getTime() + hours * HOUR);
const get = async (id: string) =>
  (await harness.call(ana, "GET", `/api/opportunities/${id}`)).body as Opp;
const activityTypes = async (id: string) =>
  (
    (await harness.call(ana, "GET", `/api/opportunities/${id}/activities`)).body as {
      items: { type: string; automatic?: boolean }[];
    }
  ).items;
const tasksOf = async (id: string) =>
  (
    (await harness.call(ana, "GET", `/api/tasks?opportunity=${id}`)).body as {
      items: { kind: string; ownerId: string; status: string }[];
    }
  ).items;

/** An application by Ana, now; returns its ids and the opportunity id. */
const apply = async (over: Record<string, unknown> = {}) => {
  const ids = nextIds();
  const answer = await postEvent(
    harness,
    connector,
    applicationEvent(ids, { ownerId: ana.userId, ...over }),
  );
  expect(answer.status).toBe(201);
  return { ids, opportunityId: (answer.body as Answer).opportunityId };
};
const send = (applicationId: string, type: string, fields: Record<string, unknown> = {}) =>
  postEvent(harness, connector, { id: nextIds().event, type, applicationId, ...fields });

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => now });
  for (const user of [manager, ana]) await harness.call(user, "GET", "/api/settings");
  connector = await arrangeConnector(harness, manager);
});
afterAll(() => harness?.close());
// Each test starts a week after the last: earlier tests' clocks have all fired by then.
beforeEach(() => {
  now = at(7 * 24, now);
});

describe("application submitted", () => {
  it("creates a hidden opportunity; replays write nothing and answer the same", async () => {
    const { ids, opportunityId } = await apply();
    const opportunity = await get(opportunityId);
    expect(opportunity.marketplace.visibility).toBe("hidden");
    expect(opportunity.contact).toMatchObject({ email: null });
    expect(opportunity.contact.name).not.toBe(CLIENT.name);

    const rows = await rowCount(harness, tenant);
    const replay = await postEvent(
      harness,
      connector,
      applicationEvent(ids, { ownerId: ana.userId }),
    );
    expect(replay.status).toBe(201);
    expect(replay.body).toMatchObject({ opportunityId, replayed: true });
    // The same application under a new event id is found by its application id.
    const again = await postEvent(
      harness,
      connector,
      applicationEvent({ ...ids, event: nextIds().event }, { ownerId: ana.userId }),
    );
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ opportunityId, changed: false, replayed: false });
    expect(await rowCount(harness, tenant)).toBe(rows);
  });
});

describe("client accepted", () => {
  it("reveals at once: task, calendar event, owner told", async () => {
    const meetingAt = at(30, now).toISOString();
    const { ids, opportunityId } = await apply({ meetingAt, meetingUrl: MEETING_URL });
    const answer = await send(ids.application, "client-accepted");
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ visibility: "revealed", changed: true });

    const opportunity = await get(opportunityId);
    expect(opportunity.contact).toMatchObject({ name: CLIENT.name, email: CLIENT.email });
    expect(opportunity.marketplace.meetingUrl).toBe(MEETING_URL);
    expect(await tasksOf(opportunityId)).toEqual([
      expect.objectContaining({ kind: "first-contact", ownerId: ana.userId, status: "open" }),
    ]);
    const revealed = (await activityTypes(opportunityId)).find(
      (activity) => activity.type === "contact-revealed",
    );
    expect(revealed?.automatic).toBe(false);
    const events = (await harness.deps.store.mailOutbox.listEvents(tenant)).filter((event) =>
      event.idempotencyKey.includes(opportunityId),
    );
    expect(events).toEqual([
      expect.objectContaining({ userId: ana.userId, startsAt: meetingAt, meetingUrl: MEETING_URL }),
    ]);
    const notification = (await outbox(harness, tenant)).find(
      (row) =>
        row.opportunityId === opportunityId &&
        row.type === "activity" &&
        row.activityType === "contact-revealed",
    );
    if (!notification) throw new Error("no contact-revealed notification");
    const deliveries = await resolveDeliveries(harness.deps.store, notification);
    expect(deliveries).toContainEqual(expect.objectContaining({ to: "user", userId: ana.userId }));

    // A second acceptance (new event id) changes nothing and books nothing twice.
    const rows = await rowCount(harness, tenant);
    const repeat = await send(ids.application, "client-accepted");
    expect(repeat.body).toMatchObject({ changed: false });
    expect(await rowCount(harness, tenant)).toBe(rows);
  });

  it("fills in what the acceptance tells about the client", async () => {
    const { ids, opportunityId } = await apply({ client: { name: "Client" } });
    await send(ids.application, "client-accepted", {
      client: { name: CLIENT.name, phone: CLIENT.phone },
    });
    expect((await get(opportunityId)).contact).toMatchObject({
      name: CLIENT.name,
      phone: CLIENT.phone,
    });
  });
});

describe("clocks", () => {
  it("24 h: 'client reminded' on the timeline, still hidden; 48 h: revealed automatically", async () => {
    const start = now;
    const { opportunityId } = await apply();
    now = at(23.9, start);
    await sweep(harness);
    expect((await activityTypes(opportunityId)).map((a) => a.type)).not.toContain(
      "client-reminded",
    );
    now = at(24, start);
    await sweep(harness);
    expect((await activityTypes(opportunityId)).map((a) => a.type)).toContain("client-reminded");
    expect((await get(opportunityId)).marketplace.visibility).toBe("hidden");
    const reminder = (await outbox(harness, tenant)).find(
      (row) =>
        row.opportunityId === opportunityId &&
        row.type === "activity" &&
        row.activityType === "client-reminded",
    );
    if (!reminder) throw new Error("no client-reminded notification");
    expect(await resolveDeliveries(harness.deps.store, reminder)).toContainEqual(
      expect.objectContaining({ userId: ana.userId }),
    );

    now = at(48, start);
    await sweep(harness);
    const opportunity = await get(opportunityId);
    expect(opportunity.marketplace.visibility).toBe("revealed");
    expect(opportunity.contact.name).toBe(CLIENT.name);
    const revealed = (await activityTypes(opportunityId)).filter(
      (a) => a.type === "contact-revealed",
    );
    expect(revealed).toEqual([expect.objectContaining({ automatic: true })]);
    expect(await tasksOf(opportunityId)).toHaveLength(1);

    // A later sweep (or a retried one) repeats nothing.
    const rows = await rowCount(harness, tenant);
    await sweep(harness);
    expect(await rowCount(harness, tenant)).toBe(rows);
  });

  it("uses the connector's own delays", async () => {
    const quick = await arrangeConnector(harness, manager, {
      name: "Quick market",
      reminderMinutes: 60,
      revealMinutes: 120,
    });
    const start = now;
    const ids = nextIds();
    const answer = await postEvent(harness, quick, applicationEvent(ids, { ownerId: ana.userId }));
    const { opportunityId } = answer.body as Answer;
    now = at(2, start);
    await sweep(harness);
    expect((await get(opportunityId)).marketplace.visibility).toBe("revealed");
  });
});

describe("client declined", () => {
  it("within 48 h: withheld for good, fee refunded, lost; the 48 h mark reveals nothing", async () => {
    const start = now;
    const { ids, opportunityId } = await apply();
    now = at(30, start);
    const answer = await send(ids.application, "client-declined");
    expect(answer.body).toMatchObject({ visibility: "withheld", changed: true });
    now = at(49, start);
    await sweep(harness);
    const opportunity = await get(opportunityId);
    expect(opportunity.status).toBe("lost");
    expect(opportunity.marketplace).toMatchObject({
      visibility: "withheld",
      refund: "eligible",
      refundReason: null,
    });
    expect(opportunity.contact.name).not.toBe(CLIENT.name);
    expect(await tasksOf(opportunityId)).toEqual([]);

    // Later events are refused and write nothing.
    const rows = await rowCount(harness, tenant);
    const late = await send(ids.application, "client-accepted");
    expect(late.status).toBe(409);
    expect(await rowCount(harness, tenant)).toBe(rows);
  });

  it("after the 48 h mark but before its sweep: the client's no wins", async () => {
    const start = now;
    const { ids, opportunityId } = await apply();
    now = at(50, start);
    await send(ids.application, "client-declined", { declinedAt: at(47, start).toISOString() });
    await sweep(harness);
    expect((await get(opportunityId)).marketplace.visibility).toBe("withheld");
  });

  it("without a fee: nothing to refund", async () => {
    const { ids, opportunityId } = await apply({ fee: null });
    await send(ids.application, "client-declined");
    expect((await get(opportunityId)).marketplace).toMatchObject({ refund: "none" });
  });

  it("at or after the scheduled meeting time: refund not eligible", async () => {
    const start = now;
    const { ids, opportunityId } = await apply();
    const scheduled = await send(ids.application, "meeting-scheduled", {
      meetingAt: at(3, start).toISOString(),
      meetingUrl: MEETING_URL,
    });
    expect(scheduled.status).toBe(200);
    // While hidden the time shows; the link does not.
    expect((await get(opportunityId)).marketplace).toMatchObject({
      meetingAt: at(3, start).toISOString(),
      meetingUrl: null,
    });
    now = at(4, start);
    await send(ids.application, "client-declined");
    expect((await get(opportunityId)).marketplace).toMatchObject({
      visibility: "withheld",
      refund: "not-eligible",
      refundReason: "declined-after-meeting-time",
    });
  });

  it("after a meeting recorded as held: refund not eligible", async () => {
    const { ids, opportunityId } = await apply();
    expect((await send(ids.application, "meeting-held")).status).toBe(200);
    expect((await get(opportunityId)).marketplace.meetingHeld).toBe(true);
    await send(ids.application, "client-declined");
    expect((await get(opportunityId)).marketplace).toMatchObject({
      visibility: "withheld",
      refund: "not-eligible",
      refundReason: "meeting-held",
    });
  });

  it("after the reveal: stays revealed and open, refund not eligible, told on the timeline", async () => {
    const start = now;
    const { ids, opportunityId } = await apply();
    now = at(48, start);
    await sweep(harness);
    now = at(50, start);
    const answer = await send(ids.application, "client-declined");
    expect(answer.body).toMatchObject({ visibility: "revealed", changed: true });
    const opportunity = await get(opportunityId);
    expect(opportunity.status).toBe("open");
    expect(opportunity.marketplace).toMatchObject({
      visibility: "revealed",
      refund: "not-eligible",
      refundReason: "declined-after-reveal",
    });
    expect(await activityTypes(opportunityId)).toContainEqual(
      expect.objectContaining({
        type: "client-declined",
        refund: "not-eligible",
        refundReason: "declined-after-reveal",
      }),
    );
    // The owner is told (a card in their chat), not only the followers.
    const told = (await outbox(harness, tenant)).find(
      (row) =>
        row.opportunityId === opportunityId &&
        row.type === "activity" &&
        row.activityType === "client-declined",
    );
    if (!told) throw new Error("no client-declined notification");
    expect(await resolveDeliveries(harness.deps.store, told)).toContainEqual(
      expect.objectContaining({ to: "user", userId: ana.userId }),
    );
    const rows = await rowCount(harness, tenant);
    expect((await send(ids.application, "client-declined")).body).toMatchObject({ changed: false });
    expect(await rowCount(harness, tenant)).toBe(rows);
  });
});

describe("meeting scheduled after the reveal", () => {
  it("puts the meeting in the owner's calendar once", async () => {
    const { ids, opportunityId } = await apply();
    await send(ids.application, "client-accepted");
    const meetingAt = at(5, now).toISOString();
    await send(ids.application, "meeting-scheduled", { meetingAt, meetingUrl: MEETING_URL });
    await send(ids.application, "meeting-scheduled", { meetingAt, meetingUrl: MEETING_URL });
    const events = (await harness.deps.store.mailOutbox.listEvents(tenant)).filter((event) =>
      event.idempotencyKey.includes(opportunityId),
    );
    expect(events).toEqual([expect.objectContaining({ startsAt: meetingAt, userId: ana.userId })]);
  });
});
