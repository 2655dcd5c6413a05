import {
  createOpportunity,
  DomainError,
  defaultSettings,
  IMPORT_PUBLISH_WINDOW_MS,
  type UseCaseContext,
  ulidGenerator,
} from "@dealflow/core";
import { beforeEach, describe, expect, it } from "vitest";
import {
  createTestStore,
  newTenantId,
  type TestStore,
} from "../../../../tests/support/test-storage.js";
import { runSweep } from "../../sla/sla-sweep.js";
import { readAllPages } from "../../storage/paging.js";
import { type PlannedRow, writeImport } from "./import-writer.js";

const START = new Date("2026-03-02T09:00:00.000Z");
let store: TestStore;
let tenant: string;
let now: Date;
const clock = () => now;

/** The planned row at `index` (the tests plan more than they index). */
const at = (rows: readonly PlannedRow[], index: number): PlannedRow => {
  const row = rows[index];
  if (row === undefined) throw new Error(`no row ${index}`);
  return row;
};

const contextOf = (): UseCaseContext => ({
  now,
  actor: null,
  tenantId: tenant,
  settings: defaultSettings(),
  ids: ulidGenerator(),
});

/** `count` opportunities, each with a new contact: about 15 rows and two deadline hints each. */
const plannedRows = (count: number, ctx = contextOf(), receivedAt?: Date): PlannedRow[] =>
  Array.from({ length: count }, (_, index) => ({
    changeSet: createOpportunity(
      {
        contact: { name: `Batch Person ${index}`, email: `batch${index}@example.com` },
        source: "referral",
        ownerId: null,
        receivedAt: receivedAt ?? null,
        origin: "manual",
      },
      ctx,
    ),
  }));

/** Begins import `importId` and stages `rows`, one batch each; not published. */
const stageImport = async (importId: string, rows: readonly PlannedRow[]) => {
  let handle = await store.imports.begin(
    tenant,
    { importId, what: "opportunities", actorId: "u1", rows: rows.length },
    now,
  );
  for (const row of rows) handle = await store.imports.stage(handle, row.changeSet, now);
  return handle;
};

const partitionRows = async () => {
  const rows: { rowKey: string; imp?: string }[] = [];
  const entities = store.storage
    .table("tenantData")
    .listEntities<{ imp?: string }>({ queryOptions: { filter: `PartitionKey eq '${tenant}'` } });
  for await (const entity of entities) rows.push({ rowKey: entity.rowKey ?? "", imp: entity.imp });
  return rows;
};
const deadlineRowsOfTenant = async () => {
  const rows: string[] = [];
  for await (const entity of store.storage
    .table("deadlines")
    .listEntities<{ tenantId?: string }>()) {
    if (entity.tenantId === tenant) rows.push(entity.rowKey ?? "");
  }
  return rows;
};
const visibleOpportunities = async () =>
  (await readAllPages((page) => store.listOpportunities(tenant, { kind: "all" }, page))).length;
const sweep = (at: Date) =>
  runSweep({ store, publish: async () => {}, clock: () => at, leaseSeconds: 120 });

beforeEach(async () => {
  now = START;
  store = await createTestStore(clock);
  tenant = newTenantId();
});

describe("writeImport", () => {
  it("shows nothing of an import until its publish, then all of it at once", async () => {
    const rows = plannedRows(20);
    const opportunity = rows[0]?.changeSet.changes.find((c) => c.entity === "opportunity")?.after;
    const handle = await stageImport("imp-a", rows);

    expect((await partitionRows()).length).toBeGreaterThan(200);
    expect(await visibleOpportunities()).toBe(0);
    expect(await store.getOpportunity(tenant, opportunity?.id ?? "")).toBeNull();
    expect(await store.searchContacts(tenant, "batch person")).toEqual([]);
    expect(await store.listOpportunities(tenant, { kind: "first-contact" })).toMatchObject({
      items: [],
    });

    await store.imports.publish(handle, now);

    expect(await visibleOpportunities()).toBe(20);
    expect(await store.getOpportunity(tenant, opportunity?.id ?? "")).toMatchObject({
      id: opportunity?.id,
    });
    expect((await store.searchContacts(tenant, "batch person", 50)).length).toBe(20);
    expect((await partitionRows()).filter((row) => row.rowKey.startsWith("impj|"))).toEqual([]);
  });

  it("holds the first-contact hints of an unpublished import, and fires them once published", async () => {
    // Leads received an hour ago: their first-contact target is overdue as they are staged.
    const rows = plannedRows(2, contextOf(), new Date(START.getTime() - 60 * 60_000));
    const handle = await stageImport("imp-b", rows.slice(0, 1));
    const later = new Date(START.getTime() + 2 * 60_000);

    const held = await sweep(new Date(START.getTime() + 60_000));
    expect(held.rows.map((row) => row.outcome)).toEqual(["busy"]);
    expect(held.fired).toBe(0);

    await store.imports.publish(handle, now);
    const fired = await sweep(later);
    expect(fired.rows.filter((row) => row.deadline.kind === "first-contact-target")).toMatchObject([
      { outcome: "fired" },
    ]);
  });

  it("removes everything a failed import staged, keeps what was there, and shows nothing", async () => {
    const ctx = contextOf();
    const taken = plannedRows(1, ctx)[0] as PlannedRow;
    await store.commit(tenant, taken.changeSet, { notify: false });
    const before = (await partitionRows()).map((row) => row.rowKey).sort();
    const beforeHints = await deadlineRowsOfTenant();
    // 30 rows need several transactions; the last one collides with an opportunity already stored.
    const planned = [...plannedRows(30), taken];

    const failure = await writeImport(store, {
      tenantId: tenant,
      importId: "imp-c",
      what: "opportunities",
      actorId: "u1",
      rows: planned,
      clock,
      log: () => {},
    }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(DomainError);
    expect((await partitionRows()).map((row) => row.rowKey).sort()).toEqual(before);
    expect((await deadlineRowsOfTenant()).sort()).toEqual(beforeHints.sort());
    expect(await visibleOpportunities()).toBe(1);
  });

  it("reaps an import nobody published once its window ends, twice and at once harmlessly", async () => {
    const rows = plannedRows(12);
    const handle = await stageImport("imp-d", rows.slice(0, 8));
    expect(await store.imports.reap(tenant, "imp-d", now)).toBe("running");

    const expired = new Date(START.getTime() + IMPORT_PUBLISH_WINDOW_MS + 60_000);
    const report = await sweep(expired);
    const again = await Promise.all([
      store.imports.reap(tenant, "imp-d", expired),
      store.imports.reap(tenant, "imp-d", expired),
    ]);

    expect(report.rows.find((row) => row.deadline.kind === "import-expiry")?.outcome).toBe("fired");
    expect(again).toEqual(["reaped", "reaped"]);
    expect(await partitionRows()).toEqual([]);
    expect(await deadlineRowsOfTenant()).toEqual([]);
    // The writer, late, cannot stage or publish into the aborted import.
    await expect(store.imports.stage(handle, at(rows, 9).changeSet, now)).rejects.toThrow();
    await expect(store.imports.publish(handle, now)).rejects.toThrow();
    expect(await visibleOpportunities()).toBe(0);
  });

  it("deletes unfired a hint whose import was reaped before the hint was written", async () => {
    const rows = plannedRows(1, contextOf(), new Date(START.getTime() - 60 * 60_000));
    await stageImport("imp-e", []);
    await store.imports.reap(tenant, "imp-e", now, { force: true });
    // A writer that outlived its window writes its batch's hints after the reap.
    await store.deadlines.schedule(at(rows, 0).changeSet.schedule, now, "imp-e");

    const report = await sweep(new Date(START.getTime() + 60_000));

    expect(report.rows.map((row) => [row.deadline.kind, row.outcome])).toEqual([
      ["first-contact-target", "skipped"],
    ]);
    expect(await deadlineRowsOfTenant()).toHaveLength(1);
    expect((await deadlineRowsOfTenant())[0]).toContain("first-contact-escalation");
  });
});

describe("a list read during a publish", () => {
  it("reads again when it learns of a publish after reading part of the import", async () => {
    const rows = plannedRows(20);
    let handle = await stageImport("imp-f", rows.slice(0, 10));
    // The list has read the first ten rows; before it asks about the import, the rest is
    // staged and the import published.
    const { states } = store.imports;
    const stateOf = states.stateOf;
    states.stateOf = async (tenantId, importId) => {
      states.stateOf = stateOf;
      for (const row of rows.slice(10))
        handle = await store.imports.stage(handle, row.changeSet, now);
      await store.imports.publish(handle, now);
      return stateOf(tenantId, importId);
    };

    const page = await store.listOpportunities(tenant, { kind: "all" }, { limit: 200 });

    expect(page.items).toHaveLength(20);
  });
});
