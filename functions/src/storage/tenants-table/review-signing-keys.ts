import { randomBytes } from "node:crypto";
import { keyPart } from "../keys.js";
import { partitionKeyOf, rowKeyOf } from "../row-kinds.js";
import { isNotFound, statusOf } from "../storage-errors.js";
import type { TableStorage } from "../table-storage.js";

const PARTITION = partitionKeyOf("reviewSigningKey");

/**
 * Each tenant's secret for signing review links (SPEC §8), in the Tenants table: created on
 * first use, never in settings, the repo or an answer. A tenant's links verify only with its
 * own key, so a token of one tenant can never open another's review.
 */
export const createReviewSigningKeys = (storage: TableStorage) => {
  const table = () => storage.table("tenants");
  const find = async (tenantId: string): Promise<Buffer | null> => {
    try {
      const row = await table().getEntity<{ secret: string }>(
        PARTITION,
        rowKeyOf("reviewSigningKey", keyPart(tenantId, "tenantId")),
      );
      return Buffer.from(row.secret, "base64");
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  };
  return {
    /** The key to verify with; null when the tenant never signed a link. */
    find,
    /** The key to sign with, created (conditionally: two first uses agree on one) if missing. */
    async obtain(tenantId: string): Promise<Buffer> {
      const existing = await find(tenantId);
      if (existing) return existing;
      try {
        await table().createEntity({
          partitionKey: PARTITION,
          rowKey: rowKeyOf("reviewSigningKey", keyPart(tenantId, "tenantId")),
          secret: randomBytes(32).toString("base64"),
        });
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
      }
      const created = await find(tenantId);
      if (created === null) throw new Error(`The review key of ${tenantId} could not be stored`);
      return created;
    },
  };
};

export type ReviewSigningKeys = ReturnType<typeof createReviewSigningKeys>;
