import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../tests/support/api-harness.js";
import { parseServerTiming, serverTimingOf, timeRequest, trackIo } from "./request-timing.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("request timing", () => {
  it("counts calls side by side once, and what runs outside a request not at all", async () => {
    await trackIo("storage", () => sleep(5));
    const { timing } = await timeRequest(async () => {
      await Promise.all([
        trackIo("storage", () => sleep(40)),
        trackIo("storage", () => sleep(40)),
        trackIo("queue", () => sleep(40)),
      ]);
      await sleep(30);
    });
    expect(timing.storage.calls).toBe(2);
    expect(timing.queue.calls).toBe(1);
    // Three 40 ms calls at once are one 40 ms wait, not 120.
    expect(timing.storage.ms).toBeGreaterThanOrEqual(35);
    expect(timing.storage.ms).toBeLessThan(80);
    expect(timing.io.ms).toBeLessThan(80);
    const header = serverTimingOf(timing);
    expect(header).toContain("storage;dur=");
    expect(header).toContain('desc="2 calls"');
    expect(header).toContain('desc="1 send"');
    const metrics = parseServerTiming(header);
    expect(metrics).toMatchObject({ storageCalls: 2, queueSends: 1 });
    // The request's own 30 ms after the calls is in the total, not in io.
    expect(metrics?.total ?? 0).toBeGreaterThanOrEqual((metrics?.io ?? 0) + 25);
  });

  it("keeps a failed call's time and passes its error on", async () => {
    const { timing } = await timeRequest(async () => {
      await expect(
        trackIo("storage", async () => {
          await sleep(10);
          throw new Error("503");
        }),
      ).rejects.toThrow("503");
    });
    expect(timing.storage.calls).toBe(1);
    expect(timing.storage.inFlight).toBe(0);
    expect(timing.storage.ms).toBeGreaterThan(5);
  });
});

describe("Server-Timing on API answers", () => {
  const tenant = randomUUID();
  const seller = newTestUser(tenant);
  let on: ApiHarness;
  let off: ApiHarness;
  beforeAll(async () => {
    [on, off] = await Promise.all([
      startApiHarness({ env: { SERVER_TIMING: "on" } }),
      startApiHarness(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([on?.close(), off?.close()]);
  });

  it("says, with SERVER_TIMING=on, what a request waited on: its table calls and queue sends", async () => {
    const created = await on.call(seller, "POST", "/api/opportunities", {
      body: { contact: { name: "Timing Client" }, source: "web-form" },
    });
    expect(created.status).toBe(201);
    const write = parseServerTiming(created.headers.get("server-timing"));
    expect(write?.storageCalls).toBeGreaterThan(0);
    expect(write?.io).toBeGreaterThan(0);
    expect(write?.total).toBeGreaterThanOrEqual(write?.io ?? Number.NaN);

    const listed = await on.call(seller, "GET", "/api/opportunities?view=mine");
    expect(listed.status).toBe(200);
    expect(listed.headers.get("server-timing")).toContain('desc="0 sends"');
    expect(parseServerTiming(listed.headers.get("server-timing"))?.queueSends).toBe(0);

    // A refused request says it too, and keeps its own headers.
    const refused = await on.call(null, "GET", "/api/opportunities?view=mine");
    expect(refused.status).toBe(401);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(refused.headers.get("server-timing")).toContain("total;dur=");
  });

  it("sends no Server-Timing by default", async () => {
    const listed = await off.call(seller, "GET", "/api/opportunities?view=mine");
    expect(listed.status).toBe(200);
    expect(listed.headers.get("server-timing")).toBeNull();
  });

  it("tells a web form's sender nothing about its calls by default: their count could say an external id was seen", async () => {
    const lead = { body: { name: "Form Sender", email: "sender@example.test", externalId: "x-1" } };
    const path = `/api/intake/${randomUUID()}`;
    const timed = await on.call(null, "POST", path, lead);
    expect(timed.status).toBeGreaterThanOrEqual(400);
    expect(timed.headers.get("server-timing")).toContain("storage;dur=");

    const answered = await off.call(null, "POST", path, lead);
    expect(answered.status).toBe(timed.status);
    expect(answered.headers.get("server-timing")).toBeNull();
  });
});
