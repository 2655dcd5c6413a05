import { createHash } from "node:crypto";
import { keyPart } from "../storage/keys.js";
import { statusOf } from "../storage/storage-errors.js";
import type { TableStorage } from "../storage/table-storage.js";

/**
 * What the Graph adapters already did, by idempotency key (rows `<prefix><hash>` of the
 * tenant's partition). Graph's sendMail has no idempotency of its own and a notification is
 * redelivered after a partial fan-out, so the key is checked before and written after.
 * A crash between the two sends once more: at least once, never silently lost.
 */
export type SentLog = {
  has(tenantId: string, idempotencyKey: string): Promise<boolean>;
  mark(tenantId: string, idempotencyKey: string): Promise<void>;
};

export const createSentLog = (
  storage: TableStorage,
  prefix: string,
  clock: () => Date,
): SentLog => {
  const rowKeyOf = (idempotencyKey: string) =>
    prefix + createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 40);
  const table = () => storage.table("tenantData");
  return {
    async has(tenantId, idempotencyKey) {
      try {
        await table().getEntity(keyPart(tenantId, "tenantId"), rowKeyOf(idempotencyKey));
        return true;
      } catch (error) {
        if (statusOf(error) === 404) return false;
        throw error;
      }
    },
    async mark(tenantId, idempotencyKey) {
      try {
        await table().createEntity({
          partitionKey: keyPart(tenantId, "tenantId"),
          rowKey: rowKeyOf(idempotencyKey),
          kind: prefix.replace(/\|$/, ""),
          sentAt: clock().toISOString(),
        });
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
      }
    },
  };
};
