import type { NotificationIntent } from "@dealflow/core";
import { keyPart, odataString, prefixRange } from "../keys.js";
import { prefixOf } from "../row-kinds.js";
import type { TableStorage } from "../table-storage.js";

/**
 * Outbox rows not yet delivered, up to `limit`: one tenant's, or (the dev outbox, no tenant
 * named) every tenant's in one scan. For developers to see what is still on its way.
 */
export const listUndeliveredNotifications = async (
  storage: TableStorage,
  tenantId: string | null,
  limit = 200,
): Promise<NotificationIntent[]> => {
  const { from, to } = prefixRange(prefixOf("notification"));
  const range = `RowKey ge ${odataString(from)} and RowKey lt ${odataString(to)}`;
  const filter =
    tenantId === null
      ? range
      : `PartitionKey eq ${odataString(keyPart(tenantId, "tenantId"))} and ${range}`;
  const found: NotificationIntent[] = [];
  const rows = storage
    .table("tenantData")
    .listEntities<{ data?: string }>({ queryOptions: { filter } });
  for await (const row of rows) {
    const intent = JSON.parse(row.data ?? "null") as NotificationIntent | null;
    if (intent !== null && intent.deliveredAt === null) found.push(intent);
    if (found.length >= limit) break;
  }
  return found;
};
