import { keyPart } from "../keys.js";
import { partitionKeyOf, rowKeyOf } from "../row-kinds.js";
import { isNotFound, statusOf } from "../storage-errors.js";
import type { TableStorage } from "../table-storage.js";

const PARTITION = partitionKeyOf("tenant");

export type TenantRecord = { tenantId: string; name: string; createdAt: string };

/** Every tenant that has used Dealflow: for just-in-time provisioning and per-tenant timers. */
export const createTenantRegistry = (storage: TableStorage) => {
  const table = () => storage.table("tenants");
  return {
    /** Registers a tenant once; returns true when this call created it. */
    async register(tenant: TenantRecord): Promise<boolean> {
      try {
        await table().createEntity({
          partitionKey: PARTITION,
          rowKey: rowKeyOf("tenant", keyPart(tenant.tenantId, "tenantId")),
          name: tenant.name,
          createdAt: tenant.createdAt,
        });
        return true;
      } catch (error) {
        if (statusOf(error) === 409) return false;
        throw error;
      }
    },
    async get(tenantId: string): Promise<TenantRecord | null> {
      try {
        const row = await table().getEntity<{ name: string; createdAt: string }>(
          PARTITION,
          rowKeyOf("tenant", keyPart(tenantId, "tenantId")),
        );
        return { tenantId, name: row.name, createdAt: row.createdAt };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    async list(): Promise<TenantRecord[]> {
      const tenants: TenantRecord[] = [];
      const rows = table().listEntities<{ name: string; createdAt: string }>({
        queryOptions: { filter: `PartitionKey eq '${PARTITION}'` },
      });
      for await (const row of rows) {
        tenants.push({ tenantId: row.rowKey ?? "", name: row.name, createdAt: row.createdAt });
      }
      return tenants;
    },
  };
};

export type TenantRegistry = ReturnType<typeof createTenantRegistry>;
