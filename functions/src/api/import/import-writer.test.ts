import { randomUUID } from "node:crypto";
import {
  type Contact,
  DomainError,
  defaultSettings,
  type FieldErrors,
  newContact,
  type UseCaseContext,
  ulidGenerator,
} from "@dealflow/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiHarness, startApiHarness } from "../../../../tests/support/api-harness.js";
import { type PlannedRow, writeImport } from "./import-writer.js";

let harness: ApiHarness;
const tenant = randomUUID();
const ids = ulidGenerator();

const contact = (name: string, id = ids()): Contact => {
  const errors: FieldErrors = [];
  const ctx: UseCaseContext = {
    now: new Date(),
    actor: null,
    tenantId: tenant,
    settings: defaultSettings(),
    ids: () => id,
  };
  return newContact(
    { name, email: `${name.replace(/\s/g, ".")}@example.com`, company: "Batch Co" },
    "contact",
    ctx,
    errors,
  );
};
const row = (record: Contact): PlannedRow => ({
  changeSet: {
    changes: [{ entity: "contact", before: null, after: record }],
    schedule: [],
    cancel: [],
  },
  created: [{ entity: "contact", id: record.id }],
});
const partitionRows = async () => {
  const keys: string[] = [];
  const rows = harness.storage
    .table("tenantData")
    .listEntities({ queryOptions: { filter: `PartitionKey eq '${tenant}'` } });
  for await (const entity of rows) keys.push(entity.rowKey ?? "");
  return keys.sort();
};

beforeAll(async () => {
  harness = await startApiHarness();
});
afterAll(() => harness?.close());

describe("writeImport", () => {
  it("removes what earlier batches created when a later batch fails", async () => {
    const taken = contact("Already There");
    await harness.deps.store.commit(tenant, row(taken).changeSet);
    const before = await partitionRows();
    // ~4 rows per contact: 40 contacts need two transactions; the last collides with a stored id.
    const planned = [
      ...Array.from({ length: 40 }, (_, index) => row(contact(`Person ${index}`))),
      row(contact("Clash", taken.id)),
    ];

    const failure = await writeImport(harness.deps.store, tenant, planned, () => {}).catch(
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(DomainError);
    expect(await partitionRows()).toEqual(before);
  });
});
