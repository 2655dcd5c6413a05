import type { ChangeSet, NotificationIntent, Settings } from "@dealflow/core";
import { createDeadlineDeadLetters } from "./deadlines/deadline-dead-letters.js";
import { createDeadlineLease } from "./deadlines/deadline-lease.js";
import { createDeadlineStore } from "./deadlines/deadline-store.js";
import { createSweepWatermark } from "./deadlines/sweep-watermark.js";
import { createImportStates } from "./imports/import-states.js";
import { createImportStore } from "./imports/import-store.js";
import { createConversationStore } from "./messaging/conversation-store.js";
import { createDeliveryLog } from "./messaging/delivery-log.js";
import { createSentLog } from "./messaging/graph-sent-log.js";
import { createLimiterPeerLog } from "./messaging/limiter-peer-log.js";
import { createMailOutbox } from "./messaging/mail-outbox.js";
import { listUndeliveredNotifications } from "./messaging/undelivered-notifications.js";
import { createOfferQueries } from "./offer-queries.js";
import { createRetentionLease } from "./retention/retention-lease.js";
import { createRetentionPurge } from "./retention/retention-purge.js";
import { createReviewQueries } from "./review-queries.js";
import type { TableStorage } from "./table-storage.js";
import { createTeamStore } from "./teams/team-store.js";
import { type CommitOptions, type CommitResult, commitChangeSet } from "./tenant-commit.js";
import { createTenantQueries } from "./tenant-queries.js";
import { createConnectorIndex } from "./tenants-table/connector-index.js";
import { createFormIndex } from "./tenants-table/form-index.js";
import { createMarketplaceEventLog } from "./tenants-table/marketplace-event-log.js";
import { createReviewSigningKeys } from "./tenants-table/review-signing-keys.js";
import { createTenantRegistry } from "./tenants-table/tenant-registry.js";

/** Hands committed outbox rows to their deliverer (the notifications queue). */
export type NotificationPublisher = (notifications: readonly NotificationIntent[]) => Promise<void>;

export type StoreOptions = {
  /** Without one, notifications wait for their relay hint (the sweep) to be queued. */
  publish?: NotificationPublisher;
  /**
   * Reuse a tenant's settings this long (0: read every time). Every API request needs them
   * for its permissions; a settings write through this store is seen at once, one made by
   * another instance within this time.
   */
  settingsTtlMs?: number;
  /**
   * Reuse "this tenant has no installed team" this long (0: read every time), so such tenants
   * pay no read for their users' teams; a tenant with teams always has them read.
   */
  teamlessTtlMs?: number;
};

type StoredSettings = Settings & { version?: string };

/**
 * Everything the functions read and write, over one set of table clients, which it keeps to
 * itself: features get methods, never a table (docs/storage.md, "Row kinds").
 */
export const createStore = (
  storage: TableStorage,
  clock: () => Date = () => new Date(),
  options: StoreOptions = {},
) => {
  const deadlines = createDeadlineStore(storage);
  const importStates = createImportStates(storage);
  const queries = createTenantQueries(storage, importStates);
  const settingsCache = new Map<string, { settings: Promise<StoredSettings>; until: number }>();
  const ttl = options.settingsTtlMs ?? 0;
  const getSettings = (tenantId: string): Promise<StoredSettings> => {
    if (ttl <= 0) return queries.getSettings(tenantId);
    const now = clock().getTime();
    const cached = settingsCache.get(tenantId);
    if (cached && cached.until > now) return cached.settings;
    const settings = queries.getSettings(tenantId);
    settingsCache.set(tenantId, { settings, until: now + ttl });
    // A failed read is not remembered.
    settings.catch(() => settingsCache.delete(tenantId));
    return settings;
  };
  return {
    /** Storage round trips so far, for the benchmarks' and the sweep's operation counts. */
    operations: storage.operations,
    /** Resolves if storage answers within `timeoutMs` (the health check). */
    ping: (timeoutMs?: number) => storage.ping(timeoutMs),
    deadlines,
    /**
     * The sweep's claim on deadline rows, its watermark and the deadlines it gave up on
     * (docs/storage.md, "SLA sweep").
     */
    sweep: {
      lease: createDeadlineLease(storage),
      watermark: createSweepWatermark(storage),
      deadLetters: createDeadlineDeadLetters(storage),
    },
    /** Issue 23: the retention timer's purge of old bookkeeping rows, and its lease. */
    retention: { purge: createRetentionPurge(storage), lease: createRetentionLease(storage) },
    /** CSV imports: staged, published as one, reaped if never published (storage/imports/). */
    imports: createImportStore(storage, deadlines, importStates),
    tenants: createTenantRegistry(storage),
    forms: createFormIndex(storage),
    connectors: createConnectorIndex(storage),
    marketplaceEvents: createMarketplaceEventLog(storage),
    conversations: createConversationStore(storage),
    /** Installed Teams teams and their members (SPEC §7 team visibility). */
    teams: createTeamStore(storage, { clock, teamlessTtlMs: options.teamlessTtlMs ?? 0 }),
    deliveryLog: createDeliveryLog(storage),
    /** Which instances send bot cards for a tenant (Teams' limits are shared between them). */
    limiterPeers: createLimiterPeerLog(storage),
    mailOutbox: createMailOutbox(storage),
    /** Graph's record of what it already sent, by idempotency key. */
    sentLog: (kind: "mailSent" | "eventSent" | "feedSent", sentClock: () => Date) =>
      createSentLog(storage, kind, sentClock),
    listUndeliveredNotifications: (tenantId: string | null, limit?: number) =>
      listUndeliveredNotifications(storage, tenantId, limit),
    ...queries,
    ...createOfferQueries(storage),
    ...createReviewQueries(storage),
    reviewKeys: createReviewSigningKeys(storage),
    getSettings,
    /**
     * Writes a use case's change set atomically (see commitChangeSet), then queues its
     * notifications. With relay hints (the default) a failed send is left to the relay;
     * without them the failure is the caller's, who repeats the whole step.
     */
    async commit(
      tenantId: string,
      changeSet: ChangeSet,
      commitOptions: CommitOptions = {},
    ): Promise<CommitResult> {
      const writesSettings = changeSet.changes.some((change) => change.entity === "settings");
      // Forgotten after the write too: a read while it was in flight may have cached the old.
      const result = await commitChangeSet(
        storage,
        deadlines,
        tenantId,
        changeSet,
        clock(),
        commitOptions,
      ).finally(() => {
        if (writesSettings) settingsCache.delete(tenantId);
      });
      if (options.publish && result.notifications.length > 0) {
        const sent = options.publish(result.notifications);
        if (commitOptions.relay === false) await sent;
        else await sent.catch(() => undefined);
      }
      return result;
    },
  };
};

export type Store = ReturnType<typeof createStore>;
