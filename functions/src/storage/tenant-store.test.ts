import type { ChangeSet, EntityChange, Opportunity } from "@dealflow/core";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestStore, newTenantId } from "../../../tests/support/test-storage.js";
import { opportunityRecord } from "./records.test-support.js";
import type { Store } from "./store.js";

const changes = (...items: EntityChange[]): ChangeSet => ({
  changes: items,
  schedule: [],
  cancel: [],
});
const create = (after: Opportunity) => changes({ entity: "opportunity", before: null, after });
const update = (before: Opportunity, after: Opportunity) =>
  changes({ entity: "opportunity", before, after });

const receivedAt = (minute: number) => new Date(Date.UTC(2026, 2, 1, 9, minute)).toISOString();

describe("tenant store: opportunities", () => {
  let store: Store;
  beforeAll(async () => {
    store = await createTestStore();
  });

  it("reads back what it wrote, with a version", async () => {
    const tenant = newTenantId();
    const opportunity = opportunityRecord(tenant, "o1", { followers: ["luis"] });
    await store.commit(tenant, create(opportunity));

    const read = await store.getOpportunity(tenant, "o1");
    expect(read).toEqual({ ...opportunity, version: expect.any(String) });
  });

  it("returns the new versions of the main rows it wrote", async () => {
    const tenant = newTenantId();
    const result = await store.commit(tenant, create(opportunityRecord(tenant, "o1")));
    const read = await store.getOpportunity(tenant, "o1");
    expect(result.versions.get("opp|o1")).toBe(read?.version);
  });

  it("refuses a write carrying a stale version as a typed conflict and keeps the newer state", async () => {
    const tenant = newTenantId();
    await store.commit(tenant, create(opportunityRecord(tenant, "o1")));
    const first = await store.getOpportunity(tenant, "o1");
    if (!first) throw new Error("not written");
    await store.commit(tenant, update(first, { ...first, title: "Renamed by Luis" }));

    const stale = update(first, { ...first, title: "Renamed by Ana", ownerId: "marta" });
    await expect(store.commit(tenant, stale)).rejects.toMatchObject({ code: "conflict" });

    const current = await store.getOpportunity(tenant, "o1");
    expect(current?.title).toBe("Renamed by Luis");
    const anaOwns = await store.listOpportunities(tenant, { kind: "owner", ownerId: "ana" });
    const martaOwns = await store.listOpportunities(tenant, { kind: "owner", ownerId: "marta" });
    expect(anaOwns.items.map((o) => o.id)).toEqual(["o1"]);
    expect(martaOwns.items).toEqual([]);
  });

  it("refuses to change a record read without its version (from a list), writing nothing", async () => {
    const tenant = newTenantId();
    await store.commit(tenant, create(opportunityRecord(tenant, "o1")));
    const [listed] = (await store.listOpportunities(tenant, { kind: "all" })).items;
    if (!listed) throw new Error("not listed");
    expect(listed.version).toBeUndefined();
    await expect(
      store.commit(tenant, update(listed, { ...listed, ownerId: "luis" })),
    ).rejects.toThrow(/read it by id/);
    expect((await store.getOpportunity(tenant, "o1"))?.ownerId).toBe("ana");
  });

  it("gives each owner their own first- and second-contact queues and board columns", async () => {
    const tenant = newTenantId();
    await store.commit(tenant, create(opportunityRecord(tenant, "a1", { ownerId: "ana" })));
    await store.commit(tenant, create(opportunityRecord(tenant, "l1", { ownerId: "luis" })));
    await store.commit(
      tenant,
      create(
        opportunityRecord(tenant, "l2", {
          ownerId: "luis",
          firstContact: {
            state: "second-contact",
            recordedAt: receivedAt(10),
            action: "second-contact",
            secondContactDueAt: "2026-03-02T09:00:00.000Z",
          },
        }),
      ),
    );
    const ids = async (view: Parameters<Store["listOpportunities"]>[1]) =>
      (await store.listOpportunities(tenant, view)).items.map((o) => o.id);
    expect(await ids({ kind: "first-contact", ownerId: "ana" })).toEqual(["a1"]);
    expect(await ids({ kind: "first-contact", ownerId: "luis" })).toEqual(["l1"]);
    expect(await ids({ kind: "second-contact", ownerId: "luis" })).toEqual(["l2"]);
    expect(await ids({ kind: "second-contact", ownerId: "ana" })).toEqual([]);
    const column = { kind: "stage", pipelineId: "sales", stage: "new" } as const;
    expect(await ids({ ...column, ownerId: "luis" })).toEqual(["l1", "l2"]);
    expect(await ids({ ...column, ownerId: "ana" })).toEqual(["a1"]);
  });

  it("writes nothing of a failed transaction: no half-written index rows", async () => {
    const tenant = newTenantId();
    await store.commit(tenant, create(opportunityRecord(tenant, "o1", { externalId: "lead-7" })));
    const duplicate = opportunityRecord(tenant, "o2", {
      externalId: "lead-7",
      followers: ["luis"],
      receivedAt: receivedAt(30),
    });

    await expect(store.commit(tenant, create(duplicate))).rejects.toMatchObject({
      code: "already-exists",
    });

    expect(await store.getOpportunity(tenant, "o2")).toBeNull();
    for (const view of [
      { kind: "all" },
      { kind: "first-contact" },
      { kind: "owner", ownerId: "ana" },
      { kind: "stage", pipelineId: "sales", stage: "new" },
      { kind: "following", userId: "luis" },
    ] as const) {
      const page = await store.listOpportunities(tenant, view);
      expect(page.items.map((o) => o.id)).not.toContain("o2");
    }
    expect((await store.findOpportunityByExternalId(tenant, "lead-7"))?.id).toBe("o1");
  });

  it("lists the first-contact queue newest first", async () => {
    const tenant = newTenantId();
    for (const minute of [5, 1, 9, 3]) {
      await store.commit(
        tenant,
        create(opportunityRecord(tenant, `o${minute}`, { receivedAt: receivedAt(minute) })),
      );
    }
    const page = await store.listOpportunities(tenant, { kind: "first-contact" });
    expect(page.items.map((o) => o.id)).toEqual(["o9", "o5", "o3", "o1"]);
  });

  it("never returns one tenant's rows to another, even for the same ids", async () => {
    const tenantA = newTenantId();
    const tenantB = newTenantId();
    await store.commit(tenantA, create(opportunityRecord(tenantA, "same", { title: "A's" })));
    await store.commit(tenantB, create(opportunityRecord(tenantB, "same", { title: "B's" })));
    await store.commit(tenantB, create(opportunityRecord(tenantB, "only-b")));

    const listA = await store.listOpportunities(tenantA, { kind: "all" });
    expect(listA.items.map((o) => [o.tenantId, o.title])).toEqual([[tenantA, "A's"]]);
    expect(await store.getOpportunity(tenantA, "only-b")).toBeNull();
    expect((await store.getOpportunity(tenantA, "same"))?.title).toBe("A's");
  });

  it("refuses to commit one tenant's record into another's partition", async () => {
    const tenantA = newTenantId();
    const tenantB = newTenantId();
    await expect(store.commit(tenantA, create(opportunityRecord(tenantB, "x")))).rejects.toThrow(
      /tenant/,
    );
    expect(await store.getOpportunity(tenantB, "x")).toBeNull();
  });

  it("pages with a cursor: every row once, in order, and a last page without a cursor", async () => {
    const tenant = newTenantId();
    for (let minute = 0; minute < 7; minute++) {
      await store.commit(
        tenant,
        create(opportunityRecord(tenant, `o${minute}`, { receivedAt: receivedAt(minute) })),
      );
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    const sizes: number[] = [];
    do {
      const page: Awaited<ReturnType<Store["listOpportunities"]>> = await store.listOpportunities(
        tenant,
        { kind: "first-contact" },
        { cursor, limit: 3 },
      );
      sizes.push(page.items.length);
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([3, 3, 1]);
    expect(seen).toEqual(["o6", "o5", "o4", "o3", "o2", "o1", "o0"]);
  });

  it("refuses a cursor of another list", async () => {
    const tenant = newTenantId();
    for (const id of ["o1", "o2"])
      await store.commit(tenant, create(opportunityRecord(tenant, id)));
    const page = await store.listOpportunities(tenant, { kind: "all" }, { limit: 1 });
    await expect(
      store.listOpportunities(tenant, { kind: "first-contact" }, { cursor: page.nextCursor }),
    ).rejects.toMatchObject({ code: "validation", errors: [{ path: "cursor" }] });
  });

  it("moves index rows with the record: owner, stage, queues, followers", async () => {
    const tenant = newTenantId();
    await store.commit(tenant, create(opportunityRecord(tenant, "o1", { followers: ["luis"] })));
    const before = await store.getOpportunity(tenant, "o1");
    if (!before) throw new Error("not written");
    await store.commit(
      tenant,
      update(before, {
        ...before,
        ownerId: "marta",
        stage: "second-contact",
        followers: ["pablo"],
        firstContact: {
          state: "second-contact",
          recordedAt: receivedAt(40),
          action: "second-contact",
          secondContactDueAt: "2026-03-02T09:40:00.000Z",
        },
      }),
    );

    const ids = async (view: Parameters<Store["listOpportunities"]>[1]) =>
      (await store.listOpportunities(tenant, view)).items.map((o) => o.id);
    expect(await ids({ kind: "owner", ownerId: "ana" })).toEqual([]);
    expect(await ids({ kind: "owner", ownerId: "marta" })).toEqual(["o1"]);
    expect(await ids({ kind: "stage", pipelineId: "sales", stage: "new" })).toEqual([]);
    expect(await ids({ kind: "stage", pipelineId: "sales", stage: "second-contact" })).toEqual([
      "o1",
    ]);
    expect(await ids({ kind: "first-contact" })).toEqual([]);
    expect(await ids({ kind: "second-contact" })).toEqual(["o1"]);
    expect(await ids({ kind: "following", userId: "luis" })).toEqual([]);
    expect(await ids({ kind: "following", userId: "pablo" })).toEqual(["o1"]);
    const projected = await store.listOpportunities(tenant, { kind: "second-contact" });
    expect(projected.items[0]?.ownerId).toBe("marta");
  });

  it("takes a discarded opportunity off the board and onto the discarded list", async () => {
    const tenant = newTenantId();
    await store.commit(tenant, create(opportunityRecord(tenant, "o1")));
    const before = await store.getOpportunity(tenant, "o1");
    if (!before) throw new Error("not written");
    await store.commit(
      tenant,
      update(before, {
        ...before,
        status: "discarded",
        discard: { reason: "spam", text: null, at: receivedAt(50), by: "ana" },
        firstContact: { ...before.firstContact, state: "done", action: "discard" },
      }),
    );
    const ids = async (view: Parameters<Store["listOpportunities"]>[1]) =>
      (await store.listOpportunities(tenant, view)).items.map((o) => o.id);
    expect(await ids({ kind: "discarded" })).toEqual(["o1"]);
    expect(await ids({ kind: "stage", pipelineId: "sales", stage: "new" })).toEqual([]);
    expect(await ids({ kind: "owner", ownerId: "ana" })).toEqual([]);
    expect(await ids({ kind: "owner", ownerId: "ana", closed: true })).toEqual(["o1"]);
  });

  it("refuses a change set larger than one atomic write and writes nothing", async () => {
    const tenant = newTenantId();
    const many = Array.from({ length: 60 }, (_, i) => `user${i}`);
    const huge = create(opportunityRecord(tenant, "o1", { followers: many }));
    huge.changes.push({
      entity: "opportunity",
      before: null,
      after: opportunityRecord(tenant, "o2", { followers: many }),
    });
    await expect(store.commit(tenant, huge)).rejects.toMatchObject({ code: "too-large" });
    expect(await store.getOpportunity(tenant, "o1")).toBeNull();
  });
});
