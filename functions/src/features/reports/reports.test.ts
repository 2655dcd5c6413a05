import { randomUUID } from "node:crypto";
import type { Opportunity } from "@dealflow/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../tests/support/api-harness.js";
import { arrangeOpportunity, arrangeUser } from "../../api/api.test-support.js";

const NOW = new Date("2026-03-02T09:00:00.000Z");

let harness: ApiHarness;
const tenant = randomUUID();
const ana = newTestUser(tenant, { name: "Ana García" });
const luis = newTestUser(tenant, { name: "Luis Romero" });
const manager = newTestUser(tenant, { manager: true });
const stranger = newTestUser(randomUUID(), { manager: true });

/** Received at `received`, first contact `minutes` later (null: still waiting). */
const contacted = (
  received: string,
  minutes: number | null,
  status: Opportunity["status"] = "open",
): { receivedAt: string; patch: Partial<Opportunity> } => ({
  receivedAt: received,
  patch: {
    status,
    firstContact:
      minutes === null
        ? { state: "awaiting", recordedAt: null, action: null, secondContactDueAt: null }
        : {
            state: "done",
            recordedAt: new Date(Date.parse(received) + minutes * 60_000).toISOString(),
            action: status === "discarded" ? "discard" : "ready-for-proposal",
            secondContactDueAt: null,
          },
  },
});

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => NOW });
  for (const user of [ana, luis, manager]) await arrangeUser(harness, user);
  const arrange = [
    {
      owner: ana,
      source: "web-form",
      campaign: "spring",
      ...contacted("2026-02-20T10:00:00Z", 10, "won"),
    },
    {
      owner: ana,
      source: "web-form",
      campaign: "spring",
      ...contacted("2026-02-21T10:00:00Z", 30, "discarded"),
    },
    { owner: luis, source: "referral", ...contacted("2026-02-22T10:00:00Z", 60, "lost") },
    { owner: luis, source: "referral", ...contacted("2026-03-02T08:00:00Z", null) },
    // Outside the default 30-day period.
    { owner: luis, source: "referral", ...contacted("2026-01-02T10:00:00Z", 5, "won") },
  ];
  for (const a of arrange) await arrangeOpportunity(harness, a);
});
afterAll(() => harness?.close());

describe("GET /api/reports/sources", () => {
  it("answers conversions by source and campaign over the last 30 days by default", async () => {
    const answer = await harness.call(manager, "GET", "/api/reports/sources");
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      from: "2026-01-31T09:00:00.000Z",
      to: NOW.toISOString(),
      total: { count: 4, won: 1, lost: 1, discarded: 1, open: 1, wonShare: 0.25 },
      sources: [
        {
          source: "referral",
          count: 2,
          lostShare: 0.5,
          medianMinutesToFirstContact: 60,
          campaigns: [{ campaign: null, count: 2 }],
        },
        {
          source: "web-form",
          count: 2,
          wonShare: 0.5,
          discardedShare: 0.5,
          medianMinutesToFirstContact: 20,
          campaigns: [{ campaign: "spring", count: 2 }],
        },
      ],
    });
  });

  it("reports the period asked for", async () => {
    const answer = await harness.call(
      manager,
      "GET",
      "/api/reports/sources?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z",
    );
    expect(answer.body).toMatchObject({ total: { count: 1, won: 1 } });
  });

  it.each([
    { query: "from=2025-01-01T00:00:00Z&to=2026-03-01T00:00:00Z", path: "query.from" },
    { query: "from=2026-03-01T00:00:00Z&to=2026-02-01T00:00:00Z", path: "query.to" },
    { query: "to=soon", path: "query.to" },
  ])("refuses $query naming $path", async ({ query, path }) => {
    const answer = await harness.call(manager, "GET", `/api/reports/sources?${query}`);
    expect(answer.status).toBe(400);
    expect((answer.body as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(
      path,
    );
  });

  it("refuses a seller with 403 and shows another tenant's manager nothing", async () => {
    expect((await harness.call(ana, "GET", "/api/reports/sources")).status).toBe(403);
    const other = await harness.call(stranger, "GET", "/api/reports/sources");
    expect(other.body).toMatchObject({ total: { count: 0 }, sources: [] });
  });
});

describe("GET /api/reports/first-contact-times", () => {
  it("answers count, median, p90 and breaches of the target per owner", async () => {
    const answer = await harness.call(manager, "GET", "/api/reports/first-contact-times");
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      targetMinutes: 15,
      owners: [
        {
          ownerId: luis.userId,
          ownerName: "Luis Romero",
          count: 2,
          contacted: 1,
          medianMinutes: 60,
          p90Minutes: 60,
          breaches: 2,
        },
        {
          ownerId: ana.userId,
          ownerName: "Ana García",
          count: 2,
          contacted: 2,
          medianMinutes: 20,
          p90Minutes: 30,
          breaches: 1,
        },
      ],
    });
  });

  it("refuses a seller with 403", async () => {
    expect((await harness.call(luis, "GET", "/api/reports/first-contact-times")).status).toBe(403);
  });
});

describe("GET /api/openapi.json", () => {
  it("describes the tasks, contacts and reports routes with their parameters", async () => {
    const answer = await harness.call(null, "GET", "/api/openapi.json");
    const paths = (answer.body as { paths: Record<string, Record<string, unknown>> }).paths;
    for (const [path, method] of [
      ["/api/tasks", "get"],
      ["/api/tasks", "post"],
      ["/api/tasks/{id}", "patch"],
      ["/api/tasks/{id}/complete", "post"],
      ["/api/tasks/{id}/cancel", "post"],
      ["/api/contacts", "get"],
      ["/api/contacts/{id}", "patch"],
      ["/api/contacts/discarded", "get"],
      ["/api/contacts/discarded.csv", "get"],
      ["/api/reports/sources", "get"],
      ["/api/reports/first-contact-times", "get"],
    ] as const) {
      expect(paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
    expect(JSON.stringify(paths["/api/contacts/discarded"])).toContain('"reason"');
  });
});
