import { createHash } from "node:crypto";
import { keyPart } from "../keys.js";
import { prefixOf, rowKeyOf } from "../row-kinds.js";
import { statusOf } from "../storage-errors.js";
import type { TableStorage } from "../table-storage.js";

/**
 * What the Graph adapters already did, by idempotency key (rows `mailsent|<hash>` and
 * `eventsent|<hash>` of the tenant's partition). Graph's sendMail has no idempotency of its own and a notification is
 * redelivered after a partial fan-out, so the key is checked before and written after.
 * A crash between the two sends once more: at least once, never silently lost.
 */
export type SentLog = {
  has(tenantId: string, idempotencyKey: string): Promise<boolean>;
  mark(tenantId: string, idempotencyKey: string): Promise<void>;
};

export const createSentLog = (
  storage: TableStorage,
  kind: "mailSent" | "eventSent" | "feedSent",
  clock: () => Date,
): SentLog => {
  const sentKey = (idempotencyKey: string) =>
    rowKeyOf(kind, createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 40));
  const table = () => storage.table("tenantData");
  return {
    async has(tenantId, idempotencyKey) {
      try {
        await table().getEntity(keyPart(tenantId, "tenantId"), sentKey(idempotencyKey));
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
          rowKey: sentKey(idempotencyKey),
          kind: prefixOf(kind).replace(/\|$/, ""),
          sentAt: clock().toISOString(),
        });
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
      }
    },
  };
};
