import type { TransactionAction } from "@azure/data-tables";
import { keyPart, odataString } from "./keys.js";
import type { TableStorage } from "./table-storage.js";

/**
 * Deletes every TenantData row of a tenant, 100 per transaction. Only for the demo seed, which
 * starts the demo tenant over after a first start died half-way; no feature can reach it.
 */
export const clearTenantPartition = async (storage: TableStorage, tenantId: string) => {
  const table = storage.table("tenantData");
  const partitionKey = keyPart(tenantId, "tenantId");
  const rows = table.listEntities({
    queryOptions: { filter: `PartitionKey eq ${odataString(partitionKey)}`, select: ["RowKey"] },
  });
  let batch: TransactionAction[] = [];
  for await (const row of rows) {
    batch.push(["delete", { partitionKey, rowKey: row.rowKey ?? "" }]);
    if (batch.length === 100) {
      await table.submitTransaction(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await table.submitTransaction(batch);
};
