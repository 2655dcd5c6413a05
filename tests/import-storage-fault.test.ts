import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DomainError, IMPORT_PUBLISH_WINDOW_MS, type Viewer } from "@dealflow/core";
import { afterAll, describe, expect, it } from "vitest";
import { importFile } from "../functions/src/features/import/import.service.js";
import { planOpportunityImport } from "../functions/src/features/import/import-opportunities.js";
import { runSweep } from "../functions/src/sla/sla-sweep.js";
import { readAllPages } from "../functions/src/storage/paging.js";
import { createStore, type Store } from "../functions/src/storage/store.js";
import { createTableStorage, type TableStorage } from "../functions/src/storage/table-storage.js";
import { type RunningAzurite, startAzurite } from "../host/src/azurite/azurite.js";

// A dedicated Azurite on disk, stopped in the middle of an import and started again on the same
// files: what the import left must stay invisible, and its reaper must leave nothing.
const dataDir = mkdtempSync(path.join(tmpdir(), "dealflow-import-fault-"));
const tablePrefix = `f${randomUUID().replace(/-/g, "").slice(0, 12)}`;
const tenant = randomUUID();
const manager: Viewer = { tenantId: tenant, userId: randomUUID(), role: "manager", teamIds: [] };
const START = new Date();
const ROWS = 120;
let azurite: RunningAzurite | null = null;

afterAll(async () => {
  await azurite?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const open = async (): Promise<{ store: Store; storage: TableStorage }> => {
  if (azurite === null) throw new Error("Azurite is not running");
  const storage = createTableStorage({ connectionString: azurite.connectionString, tablePrefix });
  await storage.ensureTables();
  return { store: createStore(storage, () => START), storage };
};

const rawRows = async (storage: TableStorage) => {
  const rows: { rowKey: string; imp?: string }[] = [];
  const entities = storage
    .table("tenantData")
    .listEntities<{ imp?: string }>({ queryOptions: { filter: `PartitionKey eq '${tenant}'` } });
  for await (const row of entities) rows.push({ rowKey: row.rowKey ?? "", imp: row.imp });
  return rows;
};
const hintsOfTenant = async (storage: TableStorage) => {
  const rows: string[] = [];
  for await (const row of storage.table("deadlines").listEntities<{ tenantId?: string }>()) {
    if (row.tenantId === tenant) rows.push(row.rowKey ?? "");
  }
  return rows;
};

/** What any reader of the tenant can see of the imported file. */
const visible = async (store: Store, opportunityIds: readonly string[]) => ({
  all: (await readAllPages((page) => store.listOpportunities(tenant, { kind: "all" }, page)))
    .length,
  firstContact: (
    await readAllPages((page) => store.listOpportunities(tenant, { kind: "first-contact" }, page))
  ).length,
  search: (await store.searchContacts(tenant, "fault person", 200)).length,
  byId: (await Promise.all(opportunityIds.map((id) => store.getOpportunity(tenant, id)))).filter(
    Boolean,
  ).length,
  byExternalId: (await store.findOpportunityByExternalId(tenant, "lead:fault-7")) === null ? 0 : 1,
});
const NOTHING = { all: 0, firstContact: 0, search: 0, byId: 0, byExternalId: 0 };

describe("an import when storage goes away mid-way", () => {
  it("shows nothing of it before or after, and its reaper leaves nothing behind", async () => {
    azurite = await startAzurite({ dataDir });
    const { tablePort, queuePort } = azurite;
    const first = await open();
    await first.store.getSettings(tenant);
    const baseline = (await rawRows(first.storage)).map((row) => row.rowKey).sort();

    // Stop Azurite (by its PID, through its handle) as the fourth batch is about to be staged.
    const stage = first.store.imports.stage;
    let batches = 0;
    const seenBefore: Awaited<ReturnType<typeof visible>>[] = [];
    const stagedIds: string[] = [];
    first.store.imports.stage = async (handle, changeSet, now) => {
      for (const change of changeSet.changes) {
        if (change.entity === "opportunity" && change.after) stagedIds.push(change.after.id);
      }
      batches += 1;
      if (batches === 4) {
        seenBefore.push(await visible(first.store, stagedIds));
        await azurite?.stop();
        azurite = null;
      }
      return stage(handle, changeSet, now);
    };
    const logged: string[] = [];
    const failure = await importFile({ store: first.store, clock: () => START }, manager, {
      what: "opportunities",
      plan: planOpportunityImport,
      readTable: async () => ({
        ignoredColumns: [],
        rows: Array.from({ length: ROWS }, (_, index) => ({
          row: index + 2,
          cells: {
            name: `Fault Person ${index}`,
            email: `fault${index}@example.com`,
            source: "referral",
            externalId: `fault-${index}`,
          },
        })),
      }),
      dryRun: false,
      log: (message) => logged.push(message),
    }).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(DomainError);
    expect((failure as DomainError).code).toBe("unavailable");
    expect(logged).toEqual([expect.stringContaining("left to the reaper")]);
    expect(seenBefore).toEqual([NOTHING]);

    azurite = await startAzurite({ dataDir, tablePort, queuePort });
    const after = await open();
    const left = await rawRows(after.storage);
    const staged = left.filter((row) => !baseline.includes(row.rowKey));
    // Three batches were staged and survived the restart, every row of them marked, none shown.
    expect(staged.length).toBeGreaterThan(200);
    expect(staged.filter((row) => row.imp === undefined && !row.rowKey.startsWith("imp"))).toEqual(
      [],
    );
    expect(await visible(after.store, stagedIds)).toEqual(NOTHING);
    expect((await hintsOfTenant(after.storage)).length).toBeGreaterThan(0);

    const expired = new Date(START.getTime() + IMPORT_PUBLISH_WINDOW_MS + 60_000);
    const sweep = await runSweep({
      store: after.store,
      publish: async () => {},
      clock: () => expired,
      leaseSeconds: 120,
    });
    const importId = sweep.rows.find((row) => row.deadline.kind === "import-expiry")?.deadline
      .subjectId;
    const again = await Promise.all([
      after.store.imports.reap(tenant, importId ?? "", expired),
      after.store.imports.reap(tenant, importId ?? "", expired),
    ]);

    expect(sweep.rows.filter((row) => row.deadline.kind === "import-expiry")).toMatchObject([
      { outcome: "fired" },
    ]);
    expect(sweep.fired).toBe(1);
    expect(again).toEqual(["reaped", "reaped"]);
    expect((await rawRows(after.storage)).map((row) => row.rowKey).sort()).toEqual(baseline);
    expect(await hintsOfTenant(after.storage)).toEqual([]);
    expect(await visible(after.store, stagedIds)).toEqual(NOTHING);
  });
});
