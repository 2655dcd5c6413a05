import type { Opportunity } from "@dealflow/core";
import { odataString } from "../../functions/src/storage/keys.js";
import { contactKey } from "../../functions/src/storage/rows/contact.rows.js";
import { opportunityRows } from "../../functions/src/storage/rows/opportunity.rows.js";
import type { TableStorage } from "../../functions/src/storage/table-storage.js";

type RawRow = { rowKey: string; kind?: string; data?: string; ref?: string };

/** Every row of a tenant's partition of TenantData, as stored. */
export const readTenantRows = async (storage: TableStorage, tenantId: string) => {
  const rows: RawRow[] = [];
  const entities = storage.table("tenantData").listEntities<RawRow>({
    queryOptions: { filter: `PartitionKey eq ${odataString(tenantId)}` },
  });
  for await (const row of entities) {
    rows.push({ rowKey: row.rowKey ?? "", kind: row.kind, data: row.data, ref: row.ref });
  }
  return rows;
};

export type OpportunityConsistency = {
  opportunities: Opportunity[];
  /** Opportunities missing an index row, or with one that disagrees with the main row. */
  partial: string[];
  /** Index rows of an opportunity no main row accounts for. */
  orphanRows: string[];
  /** Opportunities whose Contact row is missing. */
  withoutContact: string[];
};

/**
 * "No partial opportunity" (SPEC §8) checked from storage: every `opp|` main row has exactly
 * the index rows its state implies (opportunity.rows.ts, the builder `commit` writes them
 * with), each projection equal to the main row and each pointer naming it; no opportunity
 * index row is left without its main row; every opportunity's Contact exists.
 */
export const checkOpportunityRows = (rows: readonly RawRow[]): OpportunityConsistency => {
  const byKey = new Map(rows.map((row) => [row.rowKey, row]));
  const opportunities: Opportunity[] = [];
  const partial: string[] = [];
  const withoutContact: string[] = [];
  const accounted = new Set<string>();
  for (const row of rows) {
    if (!row.rowKey.startsWith("opp|") || row.data === undefined) continue;
    const opportunity = JSON.parse(row.data) as Opportunity;
    opportunities.push(opportunity);
    let whole = true;
    for (const expected of opportunityRows(opportunity)) {
      accounted.add(expected.rowKey);
      const stored = byKey.get(expected.rowKey);
      if (stored === undefined) whole = false;
      else if ("data" in expected && stored.data !== expected.data) whole = false;
      else if ("ref" in expected && stored.ref !== expected.ref) whole = false;
    }
    if (!whole) partial.push(opportunity.id);
    if (!byKey.has(contactKey(opportunity.contact.id))) withoutContact.push(opportunity.id);
  }
  const orphanRows = rows
    .filter((row) => row.kind === "opportunity" && !accounted.has(row.rowKey))
    .map((row) => row.rowKey);
  return { opportunities, partial, orphanRows, withoutContact };
};
