import type { TableClient, TableEntity } from "@azure/data-tables";
import {
  isBeforeCutoff,
  isNotificationPurgeable,
  isReviewLinkPurgeable,
  type NotificationIntent,
  type ReviewLink,
} from "@dealflow/core";
import { keyPart, odataString, prefixRange, rangeFilter, SEP } from "../keys.js";
import { partitionKeyOf, prefixOf, type RowKindName } from "../row-kinds.js";
import { isNotFound } from "../storage-errors.js";
import type { TableStorage } from "../table-storage.js";

type Row = TableEntity<Record<string, unknown>> & { timestamp?: string };

/**
 * What a purge decides a row by: the cutoff, the notifications still owed a delivery, and
 * when each notification given up on was dead-lettered.
 */
type PurgeContext = { cutoff: Date; undelivered: Set<string>; deadLettered: Map<string, string> };

const json = <T>(row: Row): T | null => {
  try {
    return JSON.parse(String(row.data ?? "null")) as T | null;
  } catch {
    return null;
  }
};
const field = (row: Row, name: string) => (typeof row[name] === "string" ? row[name] : null);
/** The notification a `dlv|…|<notification>[|recipient]` row belongs to. */
const notificationOf = (kind: RowKindName, row: Row) =>
  row.rowKey.slice(prefixOf(kind).length).split(SEP)[0] ?? "";

/**
 * The kinds retention purges from a tenant's partition, in this order (the outbox first: the
 * delivery rows of a notification still owed are kept), each with its rule. Records (`opp|`,
 * `task|`, the `act|` timeline, notes, reviews) and `ext|` intake idempotency are not here.
 */
const PURGED: readonly { kind: RowKindName; purge: (row: Row, ctx: PurgeContext) => boolean }[] = [
  {
    kind: "notification",
    purge: (row, ctx) => {
      const intent = json<NotificationIntent>(row);
      if (intent === null) return false;
      const purgeable = isNotificationPurgeable(
        intent,
        ctx.cutoff,
        ctx.deadLettered.get(intent.id) ?? null,
      );
      // Owed: its delivery rows stay. One given up on long ago takes them along.
      if (intent.deliveredAt === null && !purgeable) ctx.undelivered.add(intent.id);
      return purgeable;
    },
  },
  {
    kind: "deliverySent",
    purge: (row, ctx) =>
      !ctx.undelivered.has(notificationOf("deliverySent", row)) &&
      isBeforeCutoff(json<{ at: string }>(row)?.at, ctx.cutoff),
  },
  // Merged cards matter for the coalescing window (minutes), far inside any retention.
  {
    kind: "followerCard",
    purge: (row, ctx) =>
      isBeforeCutoff(json<{ firstSentAt: string }>(row)?.firstSentAt, ctx.cutoff),
  },
  {
    kind: "escalationCard",
    purge: (row, ctx) =>
      isBeforeCutoff(json<{ firstSentAt: string }>(row)?.firstSentAt, ctx.cutoff),
  },
  // No instant of their own: the row's last write, and only once the delivery is not owed.
  {
    kind: "deliveryAttempts",
    purge: (row, ctx) =>
      !ctx.undelivered.has(notificationOf("deliveryAttempts", row)) &&
      isBeforeCutoff(row.timestamp, ctx.cutoff),
  },
  // Dated by when it was given up on (its `at`), else by its write.
  {
    kind: "deadLetter",
    purge: (row, ctx) =>
      !ctx.undelivered.has(notificationOf("deadLetter", row)) &&
      isBeforeCutoff(json<{ at: string }>(row)?.at ?? row.timestamp, ctx.cutoff),
  },
  { kind: "outboxMail", purge: (row, ctx) => isBeforeCutoff(field(row, "createdAt"), ctx.cutoff) },
  {
    kind: "outboxEvent",
    purge: (row, ctx) => isBeforeCutoff(field(row, "createdAt"), ctx.cutoff),
  },
  { kind: "mailSent", purge: (row, ctx) => isBeforeCutoff(field(row, "sentAt"), ctx.cutoff) },
  { kind: "eventSent", purge: (row, ctx) => isBeforeCutoff(field(row, "sentAt"), ctx.cutoff) },
  { kind: "feedSent", purge: (row, ctx) => isBeforeCutoff(field(row, "sentAt"), ctx.cutoff) },
  {
    kind: "reviewLink",
    purge: (row, ctx) => {
      const link = json<ReviewLink>(row);
      return link !== null && isReviewLinkPurgeable(link, ctx.cutoff);
    },
  },
];

const PAGE_SIZE = 200;
/** An entity-group transaction holds at most 100 operations of one partition. */
const BATCH_SIZE = 100;

export type PurgeLimits = {
  /** Rows read at most in this call, over all kinds; the rest waits for the next run. */
  maxRowsRead: number;
};

export type PurgeResult = {
  /** Rows deleted, by kind (marketplace event answers as `marketplaceEvent`). */
  deleted: Partial<Record<RowKindName, number>>;
  read: number;
  /** False when the limit stopped the purge before every kind was read. */
  complete: boolean;
};

/** Deletes rows of one partition, up to 100 to a transaction; a row already gone is fine. */
const deleteRows = async (table: TableClient, partitionKey: string, rowKeys: string[]) => {
  for (let i = 0; i < rowKeys.length; i += BATCH_SIZE) {
    const batch = rowKeys.slice(i, i + BATCH_SIZE);
    try {
      await table.submitTransaction(batch.map((rowKey) => ["delete", { partitionKey, rowKey }]));
    } catch {
      // One row gone (another purge, a concurrent delete) fails the batch: go one by one.
      for (const rowKey of batch) {
        await table.deleteEntity(partitionKey, rowKey).catch((error: unknown) => {
          if (!isNotFound(error)) throw error;
        });
      }
    }
  }
};

/**
 * Retention's storage side (issue 23): deletes a tenant's bookkeeping rows older than
 * `cutoff` by the rules of core's retention.ts, reading each kind by its RowKey range, a page
 * at a time, and deleting each page's purgeable rows in entity-group transactions.
 */
export const createRetentionPurge = (storage: TableStorage) => {
  /** Reads `filter` a page at a time, deleting the rows `purge` picks; false if cut short. */
  const sweepRange = async (
    tableKey: "tenantData" | "tenants",
    partitionKey: string,
    filter: string,
    purge: (row: Row) => boolean,
    budget: { left: number },
  ): Promise<{ deleted: number; read: number; complete: boolean }> => {
    const table = storage.table(tableKey);
    let deleted = 0;
    let read = 0;
    const pages = table
      .listEntities<Record<string, unknown>>({ queryOptions: { filter } })
      .byPage({ maxPageSize: PAGE_SIZE });
    for await (const page of pages) {
      const doomed = (page as Row[]).filter(purge).map((row) => row.rowKey);
      read += page.length;
      budget.left -= page.length;
      await deleteRows(table, partitionKey, doomed);
      deleted += doomed.length;
      if (budget.left <= 0) return { deleted, read, complete: false };
    }
    return { deleted, read, complete: true };
  };

  /** When each of a tenant's dead-lettered notifications was given up on (few rows, one read). */
  const deadLetteredAt = async (partition: string): Promise<Map<string, string>> => {
    const { from, to } = prefixRange(prefixOf("deadLetter"));
    const buried = new Map<string, string>();
    const rows = storage.table("tenantData").listEntities<Record<string, unknown>>({
      queryOptions: { filter: rangeFilter(partition, from, to) },
    });
    for await (const row of rows) {
      const letter = json<{ notificationId: string; at: string }>(row as Row);
      if (letter?.notificationId && letter.at) buried.set(letter.notificationId, letter.at);
    }
    return buried;
  };

  return {
    async purgeTenant(
      tenantId: string,
      cutoff: Date,
      connectorKeys: readonly string[],
      limits: PurgeLimits,
    ): Promise<PurgeResult> {
      const partition = keyPart(tenantId, "tenantId");
      const ctx: PurgeContext = {
        cutoff,
        undelivered: new Set(),
        deadLettered: await deadLetteredAt(partition),
      };
      const budget = { left: limits.maxRowsRead };
      const result: PurgeResult = { deleted: {}, read: 0, complete: true };
      const count = (kind: RowKindName, swept: { deleted: number; read: number }) => {
        result.deleted[kind] = (result.deleted[kind] ?? 0) + swept.deleted;
        result.read += swept.read;
      };
      for (const { kind, purge } of PURGED) {
        const { from, to } = prefixRange(prefixOf(kind));
        const swept = await sweepRange(
          "tenantData",
          partition,
          rangeFilter(partition, from, to),
          (row) => purge(row, ctx),
          budget,
        );
        count(kind, swept);
        // Cut short in the outbox, the set of notifications still owed is incomplete: stop.
        if (!swept.complete) return { ...result, complete: false };
      }
      // The connector's answer cache: a replay after it is purged reruns its (idempotent) use case.
      for (const connectorKey of connectorKeys) {
        const eventPartition = partitionKeyOf("marketplaceEvent", connectorKey);
        const swept = await sweepRange(
          "tenants",
          eventPartition,
          `PartitionKey eq ${odataString(eventPartition)}`,
          (row) => row.tenantId === tenantId && isBeforeCutoff(field(row, "receivedAt"), cutoff),
          budget,
        );
        count("marketplaceEvent", swept);
        if (!swept.complete) return { ...result, complete: false };
      }
      return result;
    },
  };
};

export type RetentionPurge = ReturnType<typeof createRetentionPurge>;
