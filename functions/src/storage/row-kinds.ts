import { SEP } from "./keys.js";
import type { TableKey } from "./table-storage.js";

/**
 * Where a kind's PartitionKey comes from. Tenant ids are Entra GUIDs and hours are ten digits,
 * so neither ever equals a fixed name; kinds of one table are told apart by partition, then by
 * RowKey prefix (row-kinds.test.ts checks that no two kinds can share a row).
 */
export type PartitionScheme =
  /** The tenant id (`tid`): every row of a tenant, so no query crosses tenants. */
  | { by: "tenant" }
  /** The UTC hour a deadline falls due (`yyyyMMddHH`): a sweep reads only past hours. */
  | { by: "hour" }
  /** One fixed partition. */
  | { by: "name"; name: string }
  /** A fixed prefix and a key (one partition per connector, say). */
  | { by: "name-prefix"; prefix: string };

export type RowKind = {
  table: TableKey;
  partition: PartitionScheme;
  /** What every RowKey of the kind starts with; "" when the RowKey is an id or an instant. */
  prefix: string;
  /** What the rows hold, for docs/storage.md. */
  holds: string;
};

const TENANT = { by: "tenant" } as const;

/** A row of a tenant's partition in TenantData. */
const tenantRow = (prefix: string, holds: string): RowKind => ({
  table: "tenantData",
  partition: TENANT,
  prefix,
  holds,
});

/** A conversation reference, in the tenant's partition of Conversations. */
const chatRow = (prefix: string, holds: string): RowKind => ({
  table: "conversations",
  partition: TENANT,
  prefix,
  holds,
});

/**
 * Every kind of row Dealflow stores: its table, partition and RowKey prefix. Key builders take
 * their prefixes from here (`rowKeyOf`, `partitionKeyOf`), so a new kind is added here first
 * and a prefix cannot be reused by accident. docs/storage.md lists the same.
 */
export const ROW_KINDS = {
  // TenantData: a tenant's records and their index rows, written by `commit` (rows/*.rows.ts).
  opportunity: tenantRow("opp|", "an opportunity"),
  allOpportunities: tenantRow("all|", "every opportunity, newest first"),
  firstContactQueue: tenantRow("fc|", "the first-contact queue"),
  secondContactQueue: tenantRow("sc|", "the second-contact queue"),
  ownerFirstContactQueue: tenantRow("fco|", "one owner's first-contact queue"),
  ownerSecondContactQueue: tenantRow("sco|", "one owner's second-contact queue"),
  ownerOpportunities: tenantRow("own|", "an owner's open or closed opportunities"),
  stageColumn: tenantRow("stg|", "a board column"),
  ownerStageColumn: tenantRow("stgo|", "one owner's board column"),
  discarded: tenantRow("dis|", "the discarded contacts list"),
  followed: tenantRow("fol|", "what a user follows"),
  contactOpportunities: tenantRow("cop|", "a contact's opportunities"),
  externalId: tenantRow("ext|", "intake idempotency by external id"),
  task: tenantRow("task|", "a task"),
  ownerTasksByDue: tenantRow("tdue|", "an owner's open tasks by due time"),
  opportunityTasks: tenantRow("topp|", "the tasks of an opportunity"),
  contactOpenTasks: tenantRow("tcon|", "the open tasks of a contact"),
  contact: tenantRow("con|", "a contact"),
  contactSearch: tenantRow("cs|", "contact search tokens"),
  note: tenantRow("note|", "an opportunity's notes, newest first"),
  activity: tenantRow("act|", "an opportunity's timeline, newest first"),
  user: tenantRow("user|", "a user"),
  settings: tenantRow("settings", "the tenant's settings (one row)"),
  routingTarget: tenantRow("rt|", "a routing target"),
  offer: tenantRow("offer|", "a routing offer"),
  opportunityOffers: tenantRow("ooff|", "every offer of an opportunity"),
  pendingOffers: tenantRow("opend|", "the tenant's pending offers"),
  userPendingOffers: tenantRow("uoff|", "a user's pending offers"),
  review: tenantRow("rev|", "a client's review"),
  reviewsNewest: tenantRow("rva|", "the tenant's reviews, newest first"),
  targetReviews: tenantRow("rvt|", "one target's reviews, newest first"),
  reviewLink: tenantRow("rlink|", "a single-use review link"),
  notification: tenantRow("ntf|", "the notification outbox"),
  // TenantData, written by a CSV import before and as it publishes (storage/imports/).
  importRecord: tenantRow("imp|", "a CSV import: pending, committed or aborted"),
  importJournal: tenantRow("impj|", "the rows and hints one batch of a pending import wrote"),
  // TenantData, written beside `commit` by the bot's delivery (delivery-log.ts).
  deliverySent: tenantRow("dlv|sent|", "who has had a notification"),
  followerCard: tenantRow("dlv|card|", "the last follower card of an opportunity in a user's chat"),
  escalationCard: tenantRow(
    "dlv|esc|",
    "the last first-contact escalations card in a manager's chat",
  ),
  deliveryAttempts: tenantRow("dlv|try|", "failed delivery attempts of a notification"),
  deadLetter: tenantRow("dlv|dead|", "a notification given up on"),
  // TenantData, written by the bot on a team's roster and by managers (team-store.ts).
  installedTeam: tenantRow("team|", "a team the bot is installed in, by its Entra group id"),
  teamMember: tenantRow("tmem|", "a member of a team, by team"),
  memberTeam: tenantRow("uteam|", "a user's teams, by user (read on every request)"),
  // TenantData, written by the local mail and calendar outboxes and Graph's idempotency log.
  outboxMail: tenantRow("mail|", "a mail of the local outbox"),
  outboxEvent: tenantRow("event|", "a calendar event of the local outbox"),
  mailSent: tenantRow("mailsent|", "a mail Graph has sent"),
  eventSent: tenantRow("eventsent|", "an event Graph has created"),
  feedSent: tenantRow("feedsent|", "an activity-feed notification Graph has sent"),
  // Conversations: bot conversation references.
  userChat: chatRow("user|", "a user's personal chat"),
  channelChat: chatRow("channel|", "a team channel or group chat"),
  // Deadlines: SLA wake-up hints and the sweep's watermark.
  deadline: {
    table: "deadlines",
    partition: { by: "hour" },
    prefix: "",
    holds: "an SLA wake-up hint, due instant first",
  },
  sweepWatermark: {
    table: "deadlines",
    partition: { by: "name", name: "meta" },
    prefix: "sweep-watermark",
    holds: "the oldest bucket a sweep must read",
  },
  retentionLease: {
    table: "deadlines",
    partition: { by: "name", name: "meta" },
    prefix: "retention-lease",
    holds: "which host runs retention now, and the tenant its next run resumes after",
  },
  deadDeadline: {
    table: "deadlines",
    partition: { by: "name", name: "dead" },
    prefix: "",
    holds: "a deadline given up on after repeated failures, tenant id first",
  },
  // Tenants: global indexes, keyed by partition.
  tenant: {
    table: "tenants",
    partition: { by: "name", name: "tenant" },
    prefix: "",
    holds: "a tenant that has used Dealflow",
  },
  intakeForm: {
    table: "tenants",
    partition: { by: "name", name: "form" },
    prefix: "",
    holds: "an intake form key: its tenant, secret and round-robin cursor",
  },
  marketplaceConnector: {
    table: "tenants",
    partition: { by: "name", name: "marketplace" },
    prefix: "",
    holds: "a marketplace connector key: its tenant and secret",
  },
  limiterPeer: {
    table: "tenants",
    partition: { by: "name", name: "limiter" },
    prefix: "",
    holds:
      "an app instance that sent bot cards for a tenant lately (`<tenant>|<instance>`): Teams' limits are shared",
  },
  marketplaceEvent: {
    table: "tenants",
    partition: { by: "name-prefix", prefix: "marketplace-event|" },
    prefix: "",
    holds: "the answer given to a connector's event",
  },
  reviewSigningKey: {
    table: "tenants",
    partition: { by: "name", name: "review-key" },
    prefix: "",
    holds: "a tenant's key for signing review links",
  },
} as const satisfies Record<string, RowKind>;

export type RowKindName = keyof typeof ROW_KINDS;

/** The RowKey prefix of a kind: a range read of it reads that kind only. */
export const prefixOf = (kind: RowKindName): string => ROW_KINDS[kind].prefix;

/** A RowKey of `kind`: its prefix, then `parts` joined by `|` (a trailing "" ends in `|`). */
export const rowKeyOf = (kind: RowKindName, ...parts: string[]): string =>
  prefixOf(kind) + parts.join(SEP);

/** The PartitionKey of a kind with a fixed partition; `key` completes a prefixed one. */
export const partitionKeyOf = (kind: RowKindName, key = ""): string => {
  const partition: PartitionScheme = ROW_KINDS[kind].partition;
  if (partition.by === "name") return partition.name;
  if (partition.by === "name-prefix") return partition.prefix + key;
  throw new Error(`${kind} is partitioned by ${partition.by}, not by name`);
};
