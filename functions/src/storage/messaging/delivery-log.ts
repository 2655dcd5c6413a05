import type { TransactionAction } from "@azure/data-tables";
import { keyPart, prefixRange, rangeFilter } from "../keys.js";
import { rowKeyOf } from "../row-kinds.js";
import { isNotFound, statusOf } from "../storage-errors.js";
import type { TableStorage } from "../table-storage.js";

/**
 * The bot's delivery bookkeeping, rows of the tenant's partition beside the outbox (`dlv|…`):
 * - `dlv|sent|<notification>|<recipient>`: that recipient has had this notification (written
 *   after the connector accepted it, so a retried intent skips them);
 * - `dlv|card|<opportunity>|<user>`: the last follower card of an opportunity in a user's chat
 *   (activity id, time, lines), which later updates within the window merge into;
 * - `dlv|esc|<user>`: the last first-contact escalations card in a manager's chat (the leads
 *   it lists), which later escalations within the window merge into;
 * - `dlv|try|<notification>`: failed delivery attempts; `dlv|dead|<notification>`: given up.
 */
export type SentRecord = { activityId: string | null; at: string };
/** A card in a user's chat that later sends within the window merge into (`PUT`). */
export type MergedCard = {
  conversationId: string;
  serviceUrl: string;
  activityId: string;
  firstSentAt: string;
  etag?: string;
};
export type CardRecord = MergedCard & {
  /** Activity ids merged into the card, oldest first, with the notification that brought them. */
  activityIds: string[];
};
export type EscalationCardRecord = MergedCard & {
  /** The leads the card lists, oldest escalation first. */
  opportunityIds: string[];
};
/** The merged card a send went into: an opportunity's follower card, or a manager's escalations. */
export type CardRow =
  | { opportunityId: string; userId: string; card: CardRecord }
  | { escalationsOf: string; card: EscalationCardRecord };
export type DeadLetter = { notificationId: string; at: string; attempts: number; reason: string };

type Row = { data: string; etag?: string };

const recipientPart = (recipient: string) =>
  keyPart(recipient.replace(/[^A-Za-z0-9._:@+-]/g, "_").slice(0, 200), "recipient");

export const createDeliveryLog = (storage: TableStorage) => {
  const table = () => storage.table("tenantData");
  const pk = (tenantId: string) => keyPart(tenantId, "tenantId");
  const read = async <T>(
    tenantId: string,
    rowKey: string,
  ): Promise<(T & { etag?: string }) | null> => {
    try {
      const row = await table().getEntity<Row>(pk(tenantId), rowKey);
      return { ...(JSON.parse(row.data) as T), etag: row.etag };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  };
  const sentKey = (notificationId: string, recipient: string) =>
    rowKeyOf("deliverySent", keyPart(notificationId), recipientPart(recipient));
  const cardKey = (opportunityId: string, userId: string) =>
    rowKeyOf("followerCard", keyPart(opportunityId), keyPart(userId));
  const escalationKey = (userId: string) => rowKeyOf("escalationCard", keyPart(userId));
  const rowKeyOfCard = (card: CardRow) =>
    "escalationsOf" in card
      ? escalationKey(card.escalationsOf)
      : cardKey(card.opportunityId, card.userId);
  const tryKey = (notificationId: string) => rowKeyOf("deliveryAttempts", keyPart(notificationId));
  const deadPrefix = rowKeyOf("deadLetter");

  return {
    getSent: (tenantId: string, notificationId: string, recipient: string) =>
      read<SentRecord>(tenantId, sentKey(notificationId, recipient)),
    /**
     * Who already has this notification, in one range read instead of a read per recipient
     * (a fan-out to hundreds of followers would otherwise spend a round trip on each).
     */
    async sentTo(
      tenantId: string,
      notificationId: string,
    ): Promise<(recipient: string) => boolean> {
      const range = prefixRange(rowKeyOf("deliverySent", keyPart(notificationId), ""));
      const rowKeys = new Set<string>();
      const rows = table().listEntities<{ rowKey?: string }>({
        queryOptions: {
          filter: rangeFilter(pk(tenantId), range.from, range.to),
          select: ["RowKey"],
        },
      });
      for await (const row of rows) if (row.rowKey) rowKeys.add(row.rowKey);
      return (recipient) => rowKeys.has(sentKey(notificationId, recipient));
    },
    getCard: (tenantId: string, opportunityId: string, userId: string) =>
      read<CardRecord>(tenantId, cardKey(opportunityId, userId)),
    getEscalationCard: (tenantId: string, userId: string) =>
      read<EscalationCardRecord>(tenantId, escalationKey(userId)),
    /** Every follower card of an opportunity by user, in one range read (with their ETags). */
    async cardsOf(tenantId: string, opportunityId: string): Promise<Map<string, CardRecord>> {
      const prefix = rowKeyOf("followerCard", keyPart(opportunityId), "");
      const range = prefixRange(prefix);
      const cards = new Map<string, CardRecord>();
      const rows = table().listEntities<Row & { rowKey?: string }>({
        queryOptions: { filter: rangeFilter(pk(tenantId), range.from, range.to) },
      });
      for await (const row of rows) {
        if (!row.rowKey) continue;
        cards.set(row.rowKey.slice(prefix.length), {
          ...(JSON.parse(row.data) as CardRecord),
          etag: row.etag,
        });
      }
      return cards;
    },
    /**
     * Records that a recipient has this notification, and with it the merged card it went
     * into, in one entity-group transaction (both rows are in the tenant's partition). A card
     * with an ETag is written only if unchanged: false when another delivery changed it
     * meanwhile, and then neither row is written.
     */
    async recordSent(
      tenantId: string,
      notificationId: string,
      recipient: string,
      record: SentRecord,
      card?: CardRow,
    ): Promise<boolean> {
      const sent = {
        partitionKey: pk(tenantId),
        rowKey: sentKey(notificationId, recipient),
        data: JSON.stringify(record),
      };
      if (!card) {
        await table().upsertEntity(sent, "Replace");
        return true;
      }
      const { etag, ...rest } = card.card;
      const entity = {
        partitionKey: pk(tenantId),
        rowKey: rowKeyOfCard(card),
        data: JSON.stringify(rest),
      };
      const cardAction: TransactionAction = etag
        ? ["update", entity, "Replace", { etag }]
        : ["upsert", entity, "Replace"];
      try {
        await table().submitTransaction([cardAction, ["upsert", sent, "Replace"]]);
        return true;
      } catch (error) {
        if (statusOf(error) === 412 || isNotFound(error)) return false;
        throw error;
      }
    },
    /** Counts one more failed attempt; returns the count so far. */
    async countAttempt(tenantId: string, notificationId: string): Promise<number> {
      const current = await read<{ attempts: number }>(tenantId, tryKey(notificationId));
      const attempts = (current?.attempts ?? 0) + 1;
      await table().upsertEntity(
        {
          partitionKey: pk(tenantId),
          rowKey: tryKey(notificationId),
          data: JSON.stringify({ attempts }),
        },
        "Replace",
      );
      return attempts;
    },
    async deadLetter(tenantId: string, letter: DeadLetter) {
      await table().upsertEntity(
        {
          partitionKey: pk(tenantId),
          rowKey: deadPrefix + keyPart(letter.notificationId),
          data: JSON.stringify(letter),
        },
        "Replace",
      );
    },
    isDeadLettered: async (tenantId: string, notificationId: string) =>
      (await read<DeadLetter>(tenantId, deadPrefix + keyPart(notificationId))) !== null,
    async countDeadLetters(tenantId: string): Promise<number> {
      const range = prefixRange(deadPrefix);
      let count = 0;
      const rows = table().listEntities({
        queryOptions: {
          filter: rangeFilter(pk(tenantId), range.from, range.to),
          select: ["RowKey"],
        },
      });
      for await (const _row of rows) count += 1;
      return count;
    },
  };
};

export type DeliveryLog = ReturnType<typeof createDeliveryLog>;
