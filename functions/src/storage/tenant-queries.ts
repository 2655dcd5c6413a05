import {
  type Activity,
  type Contact,
  type Note,
  type NotificationIntent,
  type Offer,
  type Opportunity,
  type RoutingTarget,
  type Settings,
  type Task,
  type User,
  validateSettings,
} from "@dealflow/core";
import type { ImportStates } from "./imports/import-states.js";
import { keyPart, timeKey } from "./keys.js";
import { decodeRow, type Page, type PageRequest, type RawRow, readRange } from "./paging.js";
import { rowKeyOf } from "./row-kinds.js";
import { contactKey, contactSearchPrefix } from "./rows/contact.rows.js";
import { opportunityKey, opportunityPrefixes } from "./rows/opportunity.rows.js";
import {
  activityKey,
  notificationKey,
  offerKey,
  recordPrefixes,
  routingTargetKey,
  SETTINGS_KEY,
  userKey,
} from "./rows/record.rows.js";
import { taskKey, taskPrefixes } from "./rows/task.rows.js";
import { isNotFound } from "./storage-errors.js";
import type { TableStorage } from "./table-storage.js";

export type OpportunityView =
  | { kind: "all" }
  | { kind: "first-contact"; ownerId?: string }
  | { kind: "second-contact"; ownerId?: string }
  | { kind: "owner"; ownerId: string; closed?: boolean }
  | { kind: "stage"; pipelineId: string; stage: string; ownerId?: string }
  | { kind: "discarded" }
  | { kind: "following"; userId: string }
  | { kind: "contact"; contactId: string };

/** The RowKey prefix of a list view (the API builds per-view cursors from it). */
export const viewPrefix = (view: OpportunityView): string => {
  const p = opportunityPrefixes;
  switch (view.kind) {
    case "all":
      return p.all();
    case "first-contact":
      return view.ownerId ? p.ownerFirstContact(view.ownerId) : p.firstContact();
    case "second-contact":
      return view.ownerId ? p.ownerSecondContact(view.ownerId) : p.secondContact();
    case "owner":
      return p.owner(view.ownerId, view.closed ?? false);
    case "stage":
      return view.ownerId
        ? p.ownerStage(view.ownerId, view.pipelineId, view.stage)
        : p.stage(view.pipelineId, view.stage);
    case "discarded":
      return p.discarded();
    case "following":
      return p.follower(view.userId);
    case "contact":
      return p.contact(view.contactId);
  }
};

export type TenantQueries = ReturnType<typeof createTenantQueries>;

/** A list read that learns of an import's publish while reading reads again, this often at most. */
const MAX_LIST_READS = 3;

export const createTenantQueries = (storage: TableStorage, imports: ImportStates) => {
  const table = () => storage.table("tenantData");

  /** A row of a CSV import shows only once the import is published (docs/storage.md). */
  const getRow = async (tenantId: string, rowKey: string): Promise<RawRow | null> => {
    let row: RawRow;
    try {
      row = await table().getEntity<RawRow>(keyPart(tenantId, "tenantId"), rowKey);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
    if (row.imp === undefined) return row;
    return (await imports.stateOf(tenantId, row.imp)) === "committed" ? row : null;
  };
  const getRecord = async <T>(tenantId: string, rowKey: string): Promise<T | null> => {
    const row = await getRow(tenantId, rowKey);
    return row ? decodeRow<T>(row, true) : null;
  };
  /** Projection rows carry the record; pointer rows are followed to their main row. */
  const resolveRows = async <T>(tenantId: string, rows: RawRow[]): Promise<T[]> => {
    const records = await Promise.all(
      rows.map((row) =>
        row.ref !== undefined ? getRecord<T>(tenantId, row.ref) : decodeRow<T>(row, false),
      ),
    );
    return records.filter((record): record is Awaited<T> => record !== null) as T[];
  };
  /**
   * A range of rows without those of unpublished imports. An import's rows show only if it was
   * known to be published before they were read: one published meanwhile may have been read
   * half-written, so the range is read again, knowing it (at most MAX_LIST_READS times; after
   * that it stays hidden in this answer). A page may come back short; its cursor continues.
   */
  const readVisible = async (
    tenantId: string,
    range: { prefix: string; from?: string; to?: string },
    page?: PageRequest,
  ): Promise<Page<RawRow>> => {
    for (let read = 1; ; read++) {
      const since = imports.generation();
      const rows = await readRange(storage, keyPart(tenantId, "tenantId"), range, page);
      const unknown = new Set(
        rows.items.flatMap((row) =>
          row.imp !== undefined && !imports.committedBefore(tenantId, row.imp, since)
            ? [row.imp]
            : [],
        ),
      );
      const states = await Promise.all([...unknown].map((id) => imports.stateOf(tenantId, id)));
      if (states.includes("committed") && read < MAX_LIST_READS) continue;
      const items = rows.items.filter(
        (row) => row.imp === undefined || imports.committedBefore(tenantId, row.imp, since),
      );
      return { items, nextCursor: rows.nextCursor };
    }
  };
  const list = async <T>(
    tenantId: string,
    range: { prefix: string; from?: string; to?: string },
    page?: PageRequest,
  ): Promise<Page<T>> => {
    const rows = await readVisible(tenantId, range, page);
    return { items: await resolveRows<T>(tenantId, rows.items), nextCursor: rows.nextCursor };
  };

  return {
    getOpportunity: (tenantId: string, id: string) =>
      getRecord<Opportunity>(tenantId, opportunityKey(id)),
    listOpportunities: (tenantId: string, view: OpportunityView, page?: PageRequest) =>
      list<Opportunity>(tenantId, { prefix: viewPrefix(view) }, page),
    async findOpportunityByExternalId(tenantId: string, externalId: string) {
      const row = await getRow(tenantId, opportunityPrefixes.externalId(externalId));
      return row?.ref ? getRecord<Opportunity>(tenantId, row.ref) : null;
    },

    getTask: (tenantId: string, id: string) => getRecord<Task>(tenantId, taskKey(id)),
    /** Open tasks of an owner due in [from, to): overdue, today and upcoming are ranges. */
    listOpenTasksByOwner(
      tenantId: string,
      ownerId: string,
      window: { from?: Date; to?: Date },
      page?: PageRequest,
    ) {
      const prefix = taskPrefixes.ownerDue(ownerId);
      return list<Task>(
        tenantId,
        {
          prefix,
          ...(window.from ? { from: prefix + timeKey(window.from) } : {}),
          ...(window.to ? { to: prefix + timeKey(window.to) } : {}),
        },
        page,
      );
    },
    listTasksOfOpportunity: (tenantId: string, opportunityId: string, page?: PageRequest) =>
      list<Task>(tenantId, { prefix: taskPrefixes.opportunity(opportunityId) }, page),
    listOpenTasksOfContact: (tenantId: string, contactId: string, page?: PageRequest) =>
      list<Task>(tenantId, { prefix: taskPrefixes.contactOpen(contactId) }, page),

    getContact: (tenantId: string, id: string) => getRecord<Contact>(tenantId, contactKey(id)),
    /** Contacts whose name (or a later word of it), email or company starts with `query`. */
    async searchContacts(tenantId: string, query: string, limit = 20): Promise<Contact[]> {
      const prefix = contactSearchPrefix(query);
      const page = await list<Contact>(tenantId, { prefix }, { limit: limit * 4 });
      const unique = new Map(page.items.map((contact) => [contact.id, contact]));
      return [...unique.values()].slice(0, limit);
    },

    listNotes: (tenantId: string, opportunityId: string, page?: PageRequest) =>
      list<Note>(tenantId, { prefix: recordPrefixes.notes(opportunityId) }, page),
    listActivities: (tenantId: string, opportunityId: string, page?: PageRequest) =>
      list<Activity>(tenantId, { prefix: recordPrefixes.activities(opportunityId) }, page),
    /** One timeline line, by what its key is made of: an activity's outbox row carries all three. */
    getActivity: (tenantId: string, opportunityId: string, at: string, id: string) =>
      getRecord<Activity>(tenantId, activityKey(opportunityId, at, id)),

    getUser: (tenantId: string, id: string) => getRecord<User>(tenantId, userKey(id)),
    listUsers: (tenantId: string, page?: PageRequest) =>
      list<User>(tenantId, { prefix: recordPrefixes.users() }, page),

    /** The tenant's settings, defaults filled in; `version` is absent until first saved. */
    async getSettings(tenantId: string): Promise<Settings & { version?: string }> {
      const stored = await getRecord<Settings>(tenantId, SETTINGS_KEY);
      if (!stored) return validateSettings({});
      const { version, ...rest } = stored as Settings & { version?: string };
      return { ...validateSettings(rest), ...(version ? { version } : {}) };
    },

    getRoutingTarget: (tenantId: string, id: string) =>
      getRecord<RoutingTarget>(tenantId, routingTargetKey(id)),
    listRoutingTargets: (tenantId: string, page?: PageRequest) =>
      list<RoutingTarget>(tenantId, { prefix: recordPrefixes.routingTargets() }, page),
    getOffer: (tenantId: string, id: string) => getRecord<Offer>(tenantId, offerKey(id)),
    listOffersOfOpportunity: (tenantId: string, opportunityId: string, page?: PageRequest) =>
      list<Offer>(tenantId, { prefix: recordPrefixes.offersOfOpportunity(opportunityId) }, page),
    /** The tenant's pending offers (one range; settled offers leave it). */
    listPendingOffers: (tenantId: string, page?: PageRequest) =>
      list<Offer>(tenantId, { prefix: recordPrefixes.pendingOffers() }, page),
    /** The offers a user has to answer, newest first. */
    listPendingOffersOfUser: (tenantId: string, userId: string, page?: PageRequest) =>
      list<Offer>(tenantId, { prefix: recordPrefixes.pendingOffersOfUser(userId) }, page),

    getNotification: (tenantId: string, id: string) =>
      getRecord<NotificationIntent>(tenantId, notificationKey(id)),
    /** The tenant's outbox rows, delivered or not, in id order. */
    listNotifications: (tenantId: string, page?: PageRequest) =>
      list<NotificationIntent>(tenantId, { prefix: rowKeyOf("notification") }, page),
  };
};
