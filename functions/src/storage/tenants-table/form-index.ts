import { randomBytes } from "node:crypto";
import { DomainError } from "@dealflow/core";
import { partitionKeyOf } from "../row-kinds.js";
import { isNotFound, statusOf } from "../storage-errors.js";
import type { TableStorage } from "../table-storage.js";

/**
 * The global index of intake form keys, in the Tenants table (PartitionKey "form", RowKey the
 * key): which tenant a key belongs to, its secret and the round-robin cursor. Created
 * conditionally, so two tenants can never claim one key (SPEC §6). The secret stays here,
 * server-side, because HMAC verification needs it in the clear; it is never returned by a read.
 */
const PARTITION = partitionKeyOf("intakeForm");

export type FormIndexRow = {
  key: string;
  tenantId: string;
  secret: string | null;
  /** The user id that got the last lead of a round-robin form. */
  lastOwnerId: string | null;
  etag: string;
};

type Entity = { tenantId: string; secret?: string; lastOwnerId?: string };

export const createFormIndex = (storage: TableStorage) => {
  const table = () => storage.table("tenants");

  const get = async (key: string): Promise<FormIndexRow | null> => {
    try {
      const row = await table().getEntity<Entity>(PARTITION, key);
      return {
        key,
        tenantId: row.tenantId,
        secret: row.secret ? row.secret : null,
        lastOwnerId: row.lastOwnerId ? row.lastOwnerId : null,
        etag: row.etag,
      };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  };

  return {
    get,
    /** Claims `key` for the tenant; true when this call created the claim, false when it held it already. */
    async claim(key: string, tenantId: string, path: string): Promise<boolean> {
      try {
        await table().createEntity({ partitionKey: PARTITION, rowKey: key, tenantId });
        return true;
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
      }
      const existing = await get(key);
      if (existing?.tenantId === tenantId) return false;
      throw new DomainError("validation", "The intake form key is already in use.", [
        { path, message: "is already used by another organisation; choose another key" },
      ]);
    },
    /** Gives a key up; only the tenant that holds it can, and a missing row is already released. */
    async release(key: string, tenantId: string): Promise<void> {
      const existing = await get(key);
      if (existing === null || existing.tenantId !== tenantId) return;
      try {
        await table().deleteEntity(PARTITION, key, { etag: existing.etag });
      } catch (error) {
        if (!isNotFound(error) && statusOf(error) !== 412) throw error;
      }
    },
    /** A new random secret for the form, replacing the old one at once; returned only here. */
    async rotateSecret(key: string, tenantId: string): Promise<string> {
      const existing = await get(key);
      if (existing === null || existing.tenantId !== tenantId) {
        throw new DomainError("not-found", "No such intake form.");
      }
      const secret = randomBytes(32).toString("base64url");
      await table().updateEntity({ partitionKey: PARTITION, rowKey: key, secret }, "Merge", {
        etag: existing.etag,
      });
      return secret;
    },
    /**
     * Moves the round-robin cursor if nobody moved it since `row` was read: the row as it now
     * stands (its new ETag), or "lost" on a lost race.
     */
    async advanceCursor(row: FormIndexRow, lastOwnerId: string): Promise<FormIndexRow | "lost"> {
      try {
        const { etag } = await table().updateEntity(
          { partitionKey: PARTITION, rowKey: row.key, lastOwnerId },
          "Merge",
          { etag: row.etag },
        );
        if (etag) return { ...row, lastOwnerId, etag };
        // Storage always answers the new ETag; should one not, the row is read for it.
        return (await get(row.key)) ?? { ...row, lastOwnerId };
      } catch (error) {
        if (statusOf(error) === 412) return "lost";
        throw error;
      }
    },
  };
};

export type FormIndex = ReturnType<typeof createFormIndex>;
