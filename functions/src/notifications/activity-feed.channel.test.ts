import { randomUUID } from "node:crypto";
import {
  isContactHidden,
  type NotificationDetails,
  type NotificationIntent,
  type Opportunity,
  type Settings,
  type Task,
} from "@dealflow/core";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { createGraphAdapters } from "../graph/create-graph-adapters.js";
import {
  type FakeMicrosoft,
  startFakeMicrosoft,
  throttledOnce,
} from "../graph/fake-microsoft.test-support.js";
import { readGraphConfig } from "../graph/graph-config.js";
import { DEMO_TENANT_ID, DEMO_USERS } from "../seed/demo-tenant.js";
import { seedDemoTenantIfEmpty } from "../seed/seed-demo-tenant.js";
import { createStore, type Store } from "../storage/store.js";
import { createTableStorage } from "../storage/table-storage.js";
import { activityFeedChannel } from "./activity-feed.channel.js";
import type { NotificationChannel } from "./notification-channel.js";
import { subjectReads } from "./recipients.js";

// Issue 21 item 4: reminders, escalations and offers also reach the Teams activity feed,
// through Graph's sendActivityNotification. The real Graph client, token cache and sent log
// run against a loopback stand-in of Entra and Graph, on the seeded demo tenant in Azurite.

const TEAMS_APP_ID = "2f8c7a4e-0d51-4b1f-9a33-5c1b7e0d9f10";
const env = {
  AAD_APP_CLIENT_ID: "app-client-id",
  AAD_APP_TENANT_ID: randomUUID(),
  AAD_APP_CLIENT_SECRET: "app-secret",
  MAIL_SENDER: "dealflow@contoso.test",
};
const tenantId = DEMO_TENANT_ID;
const { ana, marta } = DEMO_USERS;

let fake: FakeMicrosoft;
let store: Store;
let channel: NotificationChannel;
const waits: number[] = [];
const logged: string[] = [];

const deliver = (notification: NotificationIntent) =>
  channel.deliver(notification, {
    now: new Date(),
    log: (line) => logged.push(line),
    reads: subjectReads(store, notification),
  });

const intent = (
  details: NotificationDetails & { opportunityId: string | null },
): NotificationIntent =>
  ({
    tenantId,
    id: `test:${randomUUID()}`,
    createdAt: new Date().toISOString(),
    actorId: null,
    deliveredAt: null,
    ...details,
  }) as NotificationIntent;

const setActivityFeed = async (on: boolean) => {
  const before = await store.getSettings(tenantId);
  const after: Settings = { ...before, activityFeed: on };
  await store.commit(tenantId, {
    changes: [{ entity: "settings", before, after }],
    schedule: [],
    cancel: [],
  });
};

const sent = () =>
  fake.graphRequests.filter((request) => request.path.endsWith("/sendActivityNotification"));

let anaTask: Task & { opportunityId: string };
let hiddenLead: Opportunity;

beforeAll(async () => {
  fake = await startFakeMicrosoft();
  const storage = createTableStorage({
    connectionString: inject("storageConnectionString"),
    tablePrefix: `f${randomUUID().replace(/-/g, "").slice(0, 12)}`,
  });
  await storage.ensureTables();
  await seedDemoTenantIfEmpty(storage, new Date());
  // Settings read fresh at each delivery, so a test can turn the feed on and off.
  store = createStore(storage, () => new Date(), { settingsTtlMs: 0 });
  const graph = createGraphAdapters(readGraphConfig(env), {
    store,
    clock: () => new Date(),
    teamsAppId: TEAMS_APP_ID,
    overrides: {
      tokenEndpointHost: fake.loginUrl,
      graphBaseUrl: fake.graphUrl,
      sleep: async (ms) => {
        waits.push(ms);
      },
    },
  });
  if (graph.activityFeed === null) throw new Error("Graph is configured: the feed exists");
  channel = activityFeedChannel({
    store,
    feed: graph.activityFeed,
    links: { teamsAppId: TEAMS_APP_ID, baseUrl: "http://localhost:3978" },
  });

  const tasks = await store.listOpenTasksByOwner(tenantId, ana.id, {}, { limit: 50 });
  const task = tasks.items.find((candidate) => candidate.opportunityId !== null);
  if (!task?.opportunityId) throw new Error("the demo gives Ana a task on an opportunity");
  anaTask = { ...task, opportunityId: task.opportunityId };
  const all = await store.listOpportunities(tenantId, { kind: "all" }, { limit: 200 });
  const hidden = all.items.find(isContactHidden);
  if (!hidden) throw new Error("the demo has a marketplace lead whose client is hidden");
  hiddenLead = (await store.getOpportunity(tenantId, hidden.id)) as Opportunity;
}, 120_000);
afterAll(() => fake?.close());
beforeEach(async () => {
  fake.reset();
  waits.length = 0;
  logged.length = 0;
  await setActivityFeed(true);
});

const reminderOf = (task: Task & { opportunityId: string }) =>
  intent({
    type: "task-reminder",
    opportunityId: task.opportunityId,
    deadlineId: `task-due~${task.id}`,
    taskId: task.id,
    when: "due",
    dueAt: task.dueAt,
  });

describe("the Teams activity feed channel", () => {
  it("sends a task reminder to its owner once, with an app token of the customer's tenant", async () => {
    const reminder = reminderOf(anaTask);
    await deliver(reminder);
    await deliver(reminder);

    expect(sent()).toHaveLength(1);
    const [request] = sent();
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe(`/v1.0/users/${ana.id}/teamwork/sendActivityNotification`);
    expect(request?.headers.authorization).toMatch(new RegExp(`^Bearer app:${tenantId}:\\d+$`));
    const opportunity = (await store.getOpportunity(
      tenantId,
      anaTask.opportunityId,
    )) as Opportunity;
    expect(request?.json).toEqual({
      topic: {
        source: "text",
        value: opportunity.title,
        webUrl: expect.stringMatching(
          new RegExp(`^https://teams\\.microsoft\\.com/l/entity/${TEAMS_APP_ID}/`),
        ),
      },
      activityType: "taskReminder",
      previewText: { content: expect.stringMatching(/^Due now \(/) },
      teamsAppId: TEAMS_APP_ID,
      templateParameters: [{ name: "task", value: anaTask.title }],
    });
    const webUrl = (request?.json as { topic: { webUrl: string } } | undefined)?.topic.webUrl;
    expect(decodeURIComponent(webUrl ?? "")).toContain(anaTask.opportunityId);
  });

  it("tells the managers of an escalation without the name of a hidden client", async () => {
    await deliver(
      intent({
        type: "first-contact-escalation",
        opportunityId: hiddenLead.id,
        deadlineId: `first-contact-escalation~${hiddenLead.id}`,
      }),
    );

    const requests = sent();
    expect(requests.map((request) => request.path)).toContain(
      `/v1.0/users/${marta.id}/teamwork/sendActivityNotification`,
    );
    const body = JSON.stringify(requests.map((request) => request.json));
    expect(body).toContain('"activityType":"escalation"');
    for (const secret of [hiddenLead.contact.name, hiddenLead.contact.email].filter(Boolean)) {
      expect(body).not.toContain(secret);
    }
  });

  it("waits out Graph's Retry-After on a 429 and sends once", async () => {
    fake.onGraph(throttledOnce("7", { status: 204 }));

    await deliver(reminderOf(anaTask));

    expect(waits).toEqual([7_000]);
    expect(sent()).toHaveLength(2);
  });

  it("logs a tenant without consent (403) instead of retrying, and marks nothing sent", async () => {
    fake.onGraph(() => ({ status: 403, body: { error: { code: "Forbidden" } } }));
    const reminder = reminderOf(anaTask);

    await expect(deliver(reminder)).resolves.toBeUndefined();
    expect(logged.join("\n")).toContain("has not granted TeamsActivity.Send");

    // Once an administrator consents, the same intent (redelivered) is sent.
    fake.onGraph(() => ({ status: 204 }));
    await deliver(reminder);
    expect(sent()).toHaveLength(2);
  });

  it("asks for a retry when Graph keeps failing, and a retry sends only once", async () => {
    fake.onGraph(() => ({ status: 503, body: { error: { code: "ServiceUnavailable" } } }));
    const reminder = reminderOf(anaTask);
    await expect(deliver(reminder)).rejects.toThrow(/not answering/);

    fake.onGraph(() => ({ status: 204 }));
    await deliver(reminder);
    await deliver(reminder);
    expect(sent().filter((request) => request.method === "POST").length).toBe(4 + 1);
  });

  it("sends nothing while the tenant has the feed turned off", async () => {
    await setActivityFeed(false);
    await deliver(reminderOf(anaTask));
    expect(fake.graphRequests).toEqual([]);
  });
});
