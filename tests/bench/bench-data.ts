import type { TransactionAction } from "@azure/data-tables";
import {
  type ChangeSet,
  createOpportunity,
  defaultSettings,
  type UseCaseContext,
  ulidGenerator,
} from "@dealflow/core";
import { planChange } from "../../functions/src/storage/tenant-commit.js";
import type { BenchStore } from "./bench-kit.js";

const OWNERS = ["ana", "luis", "marta"];
const SOURCES = ["web-form", "referral", "phone-call", "marketplace", "manual"];

export const benchContext = (tenantId: string, now: Date): UseCaseContext => ({
  now,
  actor: null,
  tenantId,
  settings: defaultSettings(),
  ids: ulidGenerator(() => now.getTime()),
});

/** The change set of the i-th synthetic lead: realistic records from the real use case. */
export const syntheticLead = (tenantId: string, i: number, now: Date): ChangeSet => {
  const receivedAt = new Date(now.getTime() - i * 60_000);
  return createOpportunity(
    {
      contact: {
        name: `Lead ${i} Example`,
        email: `lead${i}@example.com`,
        phone: "+34 600 000 000",
        company: `Company ${i % 500}`,
      },
      source: SOURCES[i % SOURCES.length] ?? "web-form",
      campaign: i % 3 === 0 ? "spring-ads" : null,
      ownerId: OWNERS[i % OWNERS.length] ?? null,
      receivedAt,
      origin: "intake",
    },
    benchContext(tenantId, receivedAt),
  );
};

/**
 * Loads `count` leads fast: rows exactly as a commit writes them, packed 100 to a
 * transaction, keeping only those whose RowKey starts with one of `prefixes`. Azurite's
 * insert cost grows with the size of the table (it scans), so a 10k-lead benchmark keeps
 * the rows its query touches (the opportunity and its queue row) and drops the rest.
 */
export const loadLeads = async (
  store: BenchStore,
  tenantId: string,
  count: number,
  now: Date,
  prefixes: readonly string[] = [""],
) => {
  let batch: TransactionAction[] = [];
  const flush = async () => {
    if (batch.length > 0) await store.storage.table("tenantData").submitTransaction(batch);
    batch = [];
  };
  for (let i = 0; i < count; i++) {
    const actions = syntheticLead(tenantId, i, now)
      .changes.flatMap((change) => planChange(tenantId, change))
      .filter((action) => prefixes.some((prefix) => String(action[1].rowKey).startsWith(prefix)));
    if (batch.length + actions.length > 100) await flush();
    batch.push(...actions);
  }
  await flush();
};
