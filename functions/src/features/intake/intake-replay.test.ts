import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../tests/support/api-harness.js";
import { arrangeForms, signatureOf, timestampedHeaders } from "./intake.test-support.js";

// A signed lead captured on its way (a proxy log, a leaked request) and sent again.
let now = new Date("2026-05-04T09:00:00.000Z");
let harness: ApiHarness;
const tenant = randomUUID();
const manager = newTestUser(tenant, { manager: true });
const ana = newTestUser(tenant, { name: "Ana García" });
let form: { key: string; secret: string };

const later = (minutes: number) => {
  now = new Date(now.getTime() + minutes * 60_000);
};
const post = (rawBody: string, headers: Record<string, string>) =>
  harness.call(null, "POST", `/api/intake/${form.key}`, { rawBody, headers });
const opportunityIdOf = (body: unknown) => (body as { opportunityId: string }).opportunityId;
const countOpportunities = async () =>
  (await harness.deps.store.listOpportunities(tenant, { kind: "all" }, { limit: 200 })).items
    .length;
const leadWithoutId = () =>
  JSON.stringify({ name: `Lead ${randomUUID().slice(0, 8)}`, email: "lead@example.com" });

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => now });
  for (const user of [manager, ana]) await harness.call(user, "GET", "/api/settings");
  [form] = (await arrangeForms(harness, manager, [{ routing: "owner", ownerId: ana.userId }])) as [
    typeof form,
  ];
});
afterAll(() => harness?.close());

describe("replays of signed leads without an externalId", () => {
  it("answers a timestamped lead replayed within 5 minutes with the first opportunity", async () => {
    const body = leadWithoutId();
    const captured = timestampedHeaders(body, form.secret, now);
    const first = await post(body, captured);
    const before = await countOpportunities();
    later(1);

    const replay = await post(body, captured);

    expect([first.status, replay.status]).toEqual([201, 200]);
    expect(opportunityIdOf(replay.body)).toBe(opportunityIdOf(first.body));
    expect(await countOpportunities()).toBe(before);
  });

  it("refuses a timestamped lead replayed more than 5 minutes later, or sent from 6 minutes ahead", async () => {
    const body = leadWithoutId();
    const captured = timestampedHeaders(body, form.secret, now);
    expect((await post(body, captured)).status).toBe(201);
    const before = await countOpportunities();
    later(6);

    const stale = await post(body, captured);
    const ahead = await post(
      leadWithoutId(),
      timestampedHeaders(body, form.secret, new Date(now.getTime() + 6 * 60_000)),
    );

    expect([stale.status, ahead.status]).toEqual([401, 401]);
    expect(await countOpportunities()).toBe(before);
  });

  it("refuses a captured timestamped lead whose timestamp was refreshed or dropped", async () => {
    const body = leadWithoutId();
    const captured = timestampedHeaders(body, form.secret, now);
    later(10);
    const before = await countOpportunities();

    const refreshed = await post(body, {
      ...captured,
      "X-Dealflow-Timestamp": String(Math.floor(now.getTime() / 1000)),
    });
    const { "X-Dealflow-Timestamp": _dropped, ...unstamped } = captured;
    const dropped = await post(body, unstamped);

    expect([refreshed.status, dropped.status]).toEqual([401, 401]);
    expect(await countOpportunities()).toBe(before);
  });

  it("makes one opportunity of an unstamped signed lead however often it is replayed", async () => {
    const body = leadWithoutId();
    const captured = {
      "Content-Type": "application/json",
      "X-Dealflow-Signature": signatureOf(body, form.secret),
    };
    const first = await post(body, captured);
    const before = await countOpportunities();
    later(60 * 24);

    const replay = await post(body, captured);

    expect([first.status, replay.status]).toEqual([201, 200]);
    expect(opportunityIdOf(replay.body)).toBe(opportunityIdOf(first.body));
    expect(await countOpportunities()).toBe(before);
  });

  it("marks an unstamped signature deprecated, and only it", async () => {
    const unstamped = leadWithoutId();
    const stamped = leadWithoutId();

    const old = await post(unstamped, {
      "Content-Type": "application/json",
      "X-Dealflow-Signature": signatureOf(unstamped, form.secret),
    });
    const current = await post(stamped, timestampedHeaders(stamped, form.secret, now));
    const keyed = await post(leadWithoutId(), {
      "Content-Type": "application/json",
      "X-Dealflow-Key": form.secret,
    });

    expect(old.headers.get("deprecation")).toMatch(/^@\d+$/);
    expect([current.headers.get("deprecation"), keyed.headers.get("deprecation")]).toEqual([
      null,
      null,
    ]);
  });
});
