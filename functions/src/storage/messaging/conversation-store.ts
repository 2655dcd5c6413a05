import type { ConversationRecord, ConversationTarget } from "@dealflow/bot";
import { keyPart, prefixRange, rangeFilter } from "../keys.js";
import { rowKeyOf } from "../row-kinds.js";
import { isNotFound } from "../storage-errors.js";
import type { TableStorage } from "../table-storage.js";

/** Team and channel ids from Teams contain ':' '@' and '.', all safe in keys; '#' is not. */
const safe = (value: string, field: string) => keyPart(value.replace(/#/g, "%23"), field);

export const conversationKey = (target: ConversationTarget) =>
  target.scope === "user"
    ? rowKeyOf("userChat", safe(target.userId, "userId"))
    : rowKeyOf("channelChat", safe(target.teamId, "teamId"), safe(target.channelId, "channelId"));

type Row = { data: string };

export const createConversationStore = (storage: TableStorage) => {
  const table = () => storage.table("conversations");
  const decode = (row: Row) => JSON.parse(row.data) as ConversationRecord;
  const listScope = async (
    tenantId: string,
    scope: ConversationTarget["scope"],
  ): Promise<ConversationRecord[]> => {
    const range = prefixRange(rowKeyOf(scope === "user" ? "userChat" : "channelChat"));
    const filter = rangeFilter(keyPart(tenantId, "tenantId"), range.from, range.to);
    const records: ConversationRecord[] = [];
    for await (const row of table().listEntities<Row>({ queryOptions: { filter } })) {
      records.push(decode(row));
    }
    return records;
  };
  return {
    /** Saved on install and on every message: the latest reference wins, and reactivates. */
    async save(record: ConversationRecord): Promise<void> {
      await table().upsertEntity(
        {
          partitionKey: keyPart(record.tenantId, "tenantId"),
          rowKey: conversationKey(record.target),
          active: record.active,
          data: JSON.stringify(record),
        },
        "Replace",
      );
    },
    async get(tenantId: string, target: ConversationTarget): Promise<ConversationRecord | null> {
      try {
        const row = await table().getEntity<Row>(
          keyPart(tenantId, "tenantId"),
          conversationKey(target),
        );
        return decode(row);
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    /** The bot was removed or blocked: stop using the reference, keep it for the record. */
    async deactivate(tenantId: string, target: ConversationTarget, reason: string, at: Date) {
      const current = await this.get(tenantId, target);
      if (!current) return;
      await this.save({
        ...current,
        active: false,
        deactivatedReason: reason,
        updatedAt: at.toISOString(),
      });
    },
    /** Every user's personal chat in the tenant, in one range read (a fan-out to many users). */
    listUserConversations: (tenantId: string) => listScope(tenantId, "user"),
    listChannels: (tenantId: string) => listScope(tenantId, "channel"),
  };
};

export type ConversationStore = ReturnType<typeof createConversationStore>;
