import { type ChangeSet, defaultSettings, type EntityChange } from "@dealflow/core";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestStore, newTenantId } from "../../../tests/support/test-storage.js";
import { activityRecord, contactRecord, taskRecord } from "./records.test-support.js";
import type { Store } from "./store.js";

const changes = (...items: EntityChange[]): ChangeSet => ({
  changes: items,
  schedule: [],
  cancel: [],
});

let store: Store;
beforeAll(async () => {
  store = await createTestStore();
});

describe("tenant store: tasks", () => {
  it("answers an owner's agenda by due time, and forgets a task once it is done", async () => {
    const tenant = newTenantId();
    const due = [
      "2026-03-01T08:00:00.000Z",
      "2026-03-02T10:00:00.000Z",
      "2026-03-05T10:00:00.000Z",
    ];
    await store.commit(
      tenant,
      changes(
        ...due.map(
          (dueAt, i): EntityChange => ({
            entity: "task",
            before: null,
            after: taskRecord(tenant, `t${i}`, { dueAt, opportunityId: "o1" }),
          }),
        ),
        {
          entity: "task",
          before: null,
          after: taskRecord(tenant, "luis-task", { ownerId: "luis" }),
        },
      ),
    );
    const now = new Date("2026-03-02T09:00:00.000Z");
    const endOfToday = new Date("2026-03-03T00:00:00.000Z");
    const ids = async (window: { from?: Date; to?: Date }) =>
      (await store.listOpenTasksByOwner(tenant, "ana", window)).items.map((t) => t.id);

    expect(await ids({ to: now })).toEqual(["t0"]);
    expect(await ids({ from: now, to: endOfToday })).toEqual(["t1"]);
    expect(await ids({ from: endOfToday })).toEqual(["t2"]);

    const t1 = await store.getTask(tenant, "t1");
    if (!t1) throw new Error("not written");
    await store.commit(
      tenant,
      changes({
        entity: "task",
        before: t1,
        after: { ...t1, status: "done", completedAt: now.toISOString() },
      }),
    );
    expect(await ids({ from: now, to: endOfToday })).toEqual([]);
    const ofOpportunity = await store.listTasksOfOpportunity(tenant, "o1");
    expect(ofOpportunity.items.map((t) => [t.id, t.status])).toEqual([
      ["t0", "open"],
      ["t1", "done"],
      ["t2", "open"],
    ]);
  });

  it("lists the open tasks of a contact", async () => {
    const tenant = newTenantId();
    await store.commit(
      tenant,
      changes(
        { entity: "task", before: null, after: taskRecord(tenant, "t1", { contactId: "c1" }) },
        {
          entity: "task",
          before: null,
          after: taskRecord(tenant, "t2", { contactId: "c1", status: "done" }),
        },
      ),
    );
    const open = await store.listOpenTasksOfContact(tenant, "c1");
    expect(open.items.map((t) => t.id)).toEqual(["t1"]);
  });
});

describe("tenant store: contacts", () => {
  it("indexes search tokens that only differ by characters a key cannot hold once", async () => {
    const tenant = newTenantId();
    const contact = contactRecord(tenant, "c1", {
      name: "Acme 1",
      company: "Acme #1",
      email: null,
    });
    await store.commit(tenant, changes({ entity: "contact", before: null, after: contact }));
    expect((await store.searchContacts(tenant, "acme")).map((c) => c.id)).toEqual(["c1"]);
  });

  it.each([
    ["the start of the name", "ana"],
    ["a later word of the name, without its accent", "garcia"],
    ["the email", "ana@exa"],
    ["the company, in capitals", "ACME"],
  ])("finds a contact by %s", async (_, query) => {
    const tenant = newTenantId();
    await store.commit(
      tenant,
      changes(
        { entity: "contact", before: null, after: contactRecord(tenant, "c1") },
        {
          entity: "contact",
          before: null,
          after: contactRecord(tenant, "c2", {
            name: "Luis Romero",
            email: "luis@other.org",
            company: "Other",
          }),
        },
      ),
    );
    const found = await store.searchContacts(tenant, query);
    expect(found.map((c) => c.id)).toEqual(["c1"]);
  });

  it("stops finding a contact by a name it no longer has", async () => {
    const tenant = newTenantId();
    await store.commit(
      tenant,
      changes({ entity: "contact", before: null, after: contactRecord(tenant, "c1") }),
    );
    const before = await store.getContact(tenant, "c1");
    if (!before) throw new Error("not written");
    await store.commit(
      tenant,
      changes({ entity: "contact", before, after: { ...before, name: "Ana Ruiz" } }),
    );
    expect(await store.searchContacts(tenant, "garcia")).toEqual([]);
    expect((await store.searchContacts(tenant, "ruiz")).map((c) => c.name)).toEqual(["Ana Ruiz"]);
  });
});

describe("tenant store: timeline and notes", () => {
  it("lists an opportunity's timeline newest first, and only that opportunity's", async () => {
    const tenant = newTenantId();
    await store.commit(
      tenant,
      changes(
        ...["09:00", "11:00", "10:00"].map(
          (time, i): EntityChange => ({
            entity: "activity",
            before: null,
            after: activityRecord(tenant, `a${i}`, "o1", `2026-03-01T${time}:00.000Z`),
          }),
        ),
        {
          entity: "activity",
          before: null,
          after: activityRecord(tenant, "other", "o2", "2026-03-01T12:00:00.000Z"),
        },
      ),
    );
    const timeline = await store.listActivities(tenant, "o1");
    expect(timeline.items.map((a) => a.id)).toEqual(["a1", "a2", "a0"]);
  });
});

describe("tenant store: settings", () => {
  it("gives the defaults before the first save, then what was saved, guarded by its version", async () => {
    const tenant = newTenantId();
    const initial = await store.getSettings(tenant);
    expect(initial).toEqual(defaultSettings());

    const changed = { ...initial, routingOffersAtOnce: 5 };
    await store.commit(tenant, changes({ entity: "settings", before: initial, after: changed }));
    const saved = await store.getSettings(tenant);
    expect(saved.routingOffersAtOnce).toBe(5);
    expect(saved.version).toEqual(expect.any(String));

    await store.commit(
      tenant,
      changes({ entity: "settings", before: saved, after: { ...saved, routingOffersAtOnce: 7 } }),
    );
    await expect(
      store.commit(tenant, changes({ entity: "settings", before: saved, after: changed })),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("deadline store", () => {
  it("keeps deadlines in hourly buckets, reads a bucket up to an instant oldest first, and cancels", async () => {
    const tenant = newTenantId();
    const deadline = (id: string, dueAt: string) => ({
      id,
      tenantId: tenant,
      kind: "task-due" as const,
      subjectId: id,
      dueAt,
      expect: null,
    });
    await store.deadlines.schedule(
      [
        deadline("d2", "2026-03-01T09:40:00.000Z"),
        deadline("d1", "2026-03-01T09:10:00.000Z"),
        deadline("d3", "2026-03-01T10:05:00.000Z"),
      ],
      new Date("2026-03-01T08:00:00.000Z"),
    );
    const upTo = new Date("2026-03-01T09:45:00.000Z");
    const due = (await store.deadlines.readBucket("2026030109", upTo)).filter(
      (d) => d.tenantId === tenant,
    );
    expect(due.map((d) => d.id)).toEqual(["d1", "d2"]);

    await store.deadlines.cancel(tenant, [
      { id: "d1", kind: "task-due", dueAt: "2026-03-01T09:10:00.000Z" },
    ]);
    const after = (await store.deadlines.readBucket("2026030109", upTo)).filter(
      (d) => d.tenantId === tenant,
    );
    expect(after.map((d) => d.id)).toEqual(["d2"]);
  });

  it("puts a hint already due into the current hour's bucket, where the next sweep reads", async () => {
    const tenant = newTenantId();
    const now = new Date("2026-03-01T12:30:00.000Z");
    await store.deadlines.schedule(
      [
        {
          id: "late",
          tenantId: tenant,
          kind: "task-due",
          subjectId: "t",
          dueAt: "2026-03-01T07:00:00.000Z",
          expect: null,
        },
      ],
      now,
    );
    const past = await store.deadlines.readBucket("2026030107", now);
    const current = await store.deadlines.readBucket("2026030112", now);
    expect(past.filter((d) => d.tenantId === tenant)).toEqual([]);
    expect(current.filter((d) => d.tenantId === tenant).map((d) => [d.id, d.dueAt])).toEqual([
      ["late", "2026-03-01T07:00:00.000Z"],
    ]);
  });

  it("schedules a change set's deadlines with its records", async () => {
    const store = await createTestStore(() => new Date("2026-03-01T09:00:00.000Z"));
    const tenant = newTenantId();
    const task = taskRecord(tenant, "t1");
    await store.commit(tenant, {
      changes: [{ entity: "task", before: null, after: task }],
      schedule: [
        {
          id: "task-due~t1",
          tenantId: tenant,
          kind: "task-due",
          subjectId: "t1",
          dueAt: task.dueAt,
          expect: task.dueAt,
        },
      ],
      cancel: [],
    });
    const rows = await store.deadlines.readBucket("2026030210", new Date(task.dueAt));
    expect(rows.filter((d) => d.tenantId === tenant).map((d) => [d.id, d.expect])).toEqual([
      ["task-due~t1", task.dueAt],
    ]);
  });
});

describe("conversation references", () => {
  it("saves a reference per user and per channel, and deactivates without deleting", async () => {
    const tenant = newTenantId();
    const base = {
      tenantId: tenant,
      reference: { conversation: { id: "a:1" } },
      serviceUrl: "https://smba.trafficmanager.net/emea/",
      active: true,
      pipelineId: null,
      updatedAt: "2026-03-01T09:00:00.000Z",
      deactivatedReason: null,
    };
    await store.conversations.save({ ...base, target: { scope: "user", userId: "ana" } });
    await store.conversations.save({
      ...base,
      target: {
        scope: "channel",
        teamId: "19:team@thread.tacv2",
        channelId: "19:chan@thread.tacv2",
      },
      pipelineId: "sales",
    });
    await store.conversations.deactivate(
      tenant,
      { scope: "user", userId: "ana" },
      "BotNotInConversationRoster",
      new Date("2026-03-02T09:00:00.000Z"),
    );
    const user = await store.conversations.get(tenant, { scope: "user", userId: "ana" });
    expect(user).toMatchObject({ active: false, deactivatedReason: "BotNotInConversationRoster" });
    const channels = await store.conversations.listChannels(tenant);
    expect(channels.map((c) => c.pipelineId)).toEqual(["sales"]);
  });
});

describe("tenant registry", () => {
  it("registers a tenant once", async () => {
    const tenant = newTenantId();
    const record = { tenantId: tenant, name: "Contoso", createdAt: "2026-03-01T09:00:00.000Z" };
    expect(await store.tenants.register(record)).toBe(true);
    expect(await store.tenants.register(record)).toBe(false);
    expect(await store.tenants.get(tenant)).toEqual(record);
  });
});
