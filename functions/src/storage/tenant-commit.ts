import type { TableEntity, TransactionAction } from "@azure/data-tables";
import {
  type ChangeSet,
  type Deadline,
  DomainError,
  deadlineId,
  type EntityChange,
  type EntityKind,
  type NotificationIntent,
  notificationOfActivity,
} from "@dealflow/core";
import type { DeadlineStore } from "./deadlines/deadline-store.js";
import { contactRows } from "./rows/contact.rows.js";
import { opportunityRows } from "./rows/opportunity.rows.js";
import {
  activityRows,
  noteRows,
  notificationRows,
  offerRows,
  routingTargetRows,
  settingsRows,
  userRows,
} from "./rows/record.rows.js";
import { reviewLinkRows, reviewRows } from "./rows/review.rows.js";
import { MAX_DATA_CHARS, type StoredRow } from "./rows/stored-row.js";
import { taskRows } from "./rows/task.rows.js";
import { statusOf, toDomainError } from "./storage-errors.js";
import type { TableStorage } from "./table-storage.js";

/** Azure's limit for one entity-group transaction. */
export const MAX_TRANSACTION_OPERATIONS = 100;

export type CommitResult = {
  /** New ETag of every main row written, by RowKey. */
  versions: ReadonlyMap<string, string>;
  operations: number;
  /** Cancelled hints that could not be removed; they re-check when they fire and do nothing. */
  cancelFailures: number;
  /** Outbox notifications this commit created, for the caller to hand to the queue. */
  notifications: NotificationIntent[];
};

export type CommitOptions = {
  /**
   * Schedule a relay hint per new notification (default): if the queue message sent after
   * the commit is lost, the sweep re-queues it. A caller that repeats itself until the queue
   * message is sent (a firing deadline) passes false and saves the writes.
   */
  relay?: boolean;
  /** false writes the timeline without outbox rows: history loaded in bulk (the demo seed). */
  notify?: boolean;
};

/** How long the outbox waits for a notification's queue message before re-sending it. */
export const RELAY_DELAY_MS = 60_000;

/** The hint that re-queues a notification; the delivering consumer cancels it. */
export const relayDeadline = (notification: NotificationIntent): Deadline => {
  const dueAt = new Date(Date.parse(notification.createdAt) + RELAY_DELAY_MS);
  return {
    id: deadlineId("notification-relay", notification.id, dueAt),
    tenantId: notification.tenantId,
    kind: "notification-relay",
    subjectId: notification.id,
    dueAt: dueAt.toISOString(),
    expect: null,
  };
};

/** Every timeline line is reported: adds the outbox row of each new activity. */
export const withActivityNotifications = (changes: readonly EntityChange[]): EntityChange[] => {
  const present = new Set(
    changes.flatMap((change) => (change.entity === "notification" ? [change.after.id] : [])),
  );
  const added = changes.flatMap((change): EntityChange[] => {
    if (change.entity !== "activity") return [];
    const notification = notificationOfActivity(change.after);
    return present.has(notification.id)
      ? []
      : [{ entity: "notification", before: null, after: notification }];
  });
  return [...changes, ...added];
};

type RecordOf<K extends EntityKind> = NonNullable<Extract<EntityChange, { entity: K }>["after"]>;

/** How each kind of record becomes rows: the one place a new kind of record is added. */
const ROW_BUILDERS: { [K in EntityKind]: (record: RecordOf<K>) => StoredRow[] } = {
  opportunity: opportunityRows,
  contact: contactRows,
  task: taskRows,
  note: noteRows,
  activity: activityRows,
  user: userRows,
  "routing-target": routingTargetRows,
  offer: offerRows,
  settings: settingsRows,
  notification: notificationRows,
  review: reviewRows,
  "review-link": reviewLinkRows,
};

const rowsOf = (change: EntityChange, side: "before" | "after"): StoredRow[] => {
  const record = change[side];
  if (record === null) return [];
  // The union pairs each entity with its record type; TypeScript cannot follow it through
  // the indexed lookup, so the builder is widened once here.
  const build = ROW_BUILDERS[change.entity] as (record: RecordOf<EntityKind>) => StoredRow[];
  return build(record);
};

/**
 * The ETag a write of this change must match. A record changed without the version it was
 * read with would overwrite whatever happened since, so that is refused as a bug in the
 * caller (re-read it by id first); settings alone start from defaults that were never
 * stored, so a first save has no version and creates the row.
 */
const expectedVersion = (change: EntityChange): string | null => {
  const before = change.before as { version?: string } | null;
  if (before === null) return null;
  if (before.version) return before.version;
  if (change.entity === "settings") return null;
  throw new Error(
    `A ${change.entity} was changed without the version it was read with; read it by id first.`,
  );
};

const toEntity = (partitionKey: string, row: StoredRow): TableEntity => {
  if ("ref" in row) return { partitionKey, rowKey: row.rowKey, kind: row.kind, ref: row.ref };
  if (row.data.length > MAX_DATA_CHARS) {
    throw new DomainError("too-large", "The record is too large to store.");
  }
  return { partitionKey, rowKey: row.rowKey, kind: row.kind, data: row.data };
};

/**
 * Turns one change into transaction actions: the main row conditional on the version that
 * was read, projections rewritten, pointers only added or removed, and every row of the old
 * state that the new state no longer has deleted — so no index row survives its record.
 */
export const planChange = (partitionKey: string, change: EntityChange): TransactionAction[] => {
  const before = new Map(rowsOf(change, "before").map((row) => [row.rowKey, row]));
  const after = rowsOf(change, "after");
  const afterKeys = new Set(after.map((row) => row.rowKey));
  const actions: TransactionAction[] = [];

  const version = change.after === null ? null : expectedVersion(change);
  for (const row of after) {
    const entity = toEntity(partitionKey, row);
    const existed = before.has(row.rowKey);
    if (row.role === "main") {
      actions.push(
        version === null ? ["create", entity] : ["update", entity, "Replace", { etag: version }],
      );
    } else if (row.role === "projection") {
      actions.push(["upsert", entity, "Replace"]);
    } else if (!existed) {
      actions.push(row.role === "unique" ? ["create", entity] : ["upsert", entity, "Replace"]);
    }
  }
  // The SDK's transaction deletes are unconditional; a record's own rows are only ever
  // deleted together with a conditional write of its main row or by an explicit removal.
  for (const rowKey of before.keys()) {
    if (!afterKeys.has(rowKey)) actions.push(["delete", { partitionKey, rowKey }]);
  }
  return actions;
};

/**
 * Writes a change set: deadline hints first (a hint whose record never lands finds nothing
 * due and does nothing), then every record and index row in one entity-group transaction,
 * then best-effort removal of cancelled hints (a surviving one re-checks and does nothing).
 */
export const commitChangeSet = async (
  storage: TableStorage,
  deadlines: DeadlineStore,
  tenantId: string,
  changeSet: ChangeSet,
  now: Date,
  options: CommitOptions = {},
): Promise<CommitResult> => {
  const changes =
    options.notify === false ? changeSet.changes : withActivityNotifications(changeSet.changes);
  const notifications = changes.flatMap((change) =>
    change.entity === "notification" && change.before === null ? [change.after] : [],
  );
  const actions = changes.flatMap((change) => {
    const record = (change.after ?? change.before) as { tenantId?: string } | null;
    if (record?.tenantId !== undefined && record.tenantId !== tenantId) {
      throw new Error(`A change for tenant ${record.tenantId} was committed to tenant ${tenantId}`);
    }
    return planChange(tenantId, change);
  });
  const seen = new Set<string>();
  for (const action of actions) {
    const rowKey = String(action[1].rowKey);
    if (seen.has(rowKey)) throw new Error(`Row ${rowKey} is written twice in one change set`);
    seen.add(rowKey);
  }
  if (actions.length > MAX_TRANSACTION_OPERATIONS) {
    throw new DomainError(
      "too-large",
      `The change needs ${actions.length} row writes; one atomic write allows ${MAX_TRANSACTION_OPERATIONS}.`,
    );
  }
  const start = storage.operations.count;
  const relays = options.relay === false ? [] : notifications.map(relayDeadline);
  await deadlines.schedule([...changeSet.schedule, ...relays], now);

  const versions = new Map<string, string>();
  if (actions.length > 0) {
    try {
      const response = await storage.table("tenantData").submitTransaction(actions);
      // Sub-responses come in the order of the operations (the batch's Content-IDs).
      response.subResponses.forEach((sub, index) => {
        const action = actions[index];
        if (action && action[0] !== "delete" && sub.etag) {
          versions.set(String(action[1].rowKey), sub.etag.trim());
        }
      });
    } catch (error) {
      // Inside a change set a missing row means another write got there first.
      throw statusOf(error) === 404
        ? new DomainError("conflict", "The record was changed by someone else; reload it.")
        : toDomainError(error);
    }
  }
  // The records are written: a hint that cannot be removed now must not fail the change.
  const cancelFailures = await deadlines.cancel(tenantId, changeSet.cancel).then(
    (failures) => failures,
    () => changeSet.cancel.length,
  );
  return {
    versions,
    operations: storage.operations.count - start,
    cancelFailures,
    notifications,
  };
};
