import { randomBytes } from "node:crypto";
import { DomainError } from "@dealflow/core";
import { partitionKeyOf } from "../row-kinds.js";
import { isNotFound, statusOf } from "../storage-errors.js";
import type { TableStorage } from "../table-storage.js";

/**
 * The global index of marketplace connector keys, in the Tenants table (PartitionKey
 * "marketplace", RowKey the key): which tenant a connector belongs to and its HMAC secret.
 * Like the intake form index, the secret lives here and never in the settings document, so
 * no settings read can return it. The row is claimed conditionally when a manager first
 * generates the connector's secret: two tenants can never hold one key.
 */
const PARTITION = partitionKeyOf("marketplaceConnector");

export type ConnectorIndexRow = { key: string; tenantId: string; secret: string; etag: string };

type Entity = { tenantId: string; secret?: string };

export const createConnectorIndex = (storage: TableStorage) => {
  const table = () => storage.table("tenants");

  const get = async (key: string): Promise<ConnectorIndexRow | null> => {
    try {
      const row = await table().getEntity<Entity>(PARTITION, key);
      return { key, tenantId: row.tenantId, secret: row.secret ?? "", etag: row.etag };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  };

  const taken = () =>
    new DomainError("validation", "The marketplace key is already in use.", [
      { path: "key", message: "is already used by another organisation; choose another key" },
    ]);

  return {
    get,
    /**
     * A new random secret for the connector, replacing the old one at once; returned only
     * here. The first rotation claims the key for the tenant.
     */
    async rotateSecret(key: string, tenantId: string): Promise<string> {
      const secret = randomBytes(32).toString("base64url");
      const existing = await get(key);
      if (existing === null) {
        try {
          await table().createEntity({ partitionKey: PARTITION, rowKey: key, tenantId, secret });
          return secret;
        } catch (error) {
          if (statusOf(error) !== 409) throw error;
          // Claimed at the same moment by someone: decide on what is stored now.
          return this.rotateSecret(key, tenantId);
        }
      }
      if (existing.tenantId !== tenantId) throw taken();
      await table().updateEntity({ partitionKey: PARTITION, rowKey: key, secret }, "Merge", {
        etag: existing.etag,
      });
      return secret;
    },
  };
};

export type ConnectorIndex = ReturnType<typeof createConnectorIndex>;
