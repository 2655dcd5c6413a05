import type { ChangeSet, NotificationIntent, Settings } from "@dealflow/core";
import { createConversationStore } from "./conversation-store.js";
import { createDeadlineStore } from "./deadline-store.js";
import { createOfferQueries } from "./offer-queries.js";
import { createReviewQueries } from "./review-queries.js";
import { createReviewSigningKeys } from "./review-signing-keys.js";
import type { TableStorage } from "./table-storage.js";
import { type CommitOptions, type CommitResult, commitChangeSet } from "./tenant-commit.js";
import { createTenantQueries } from "./tenant-queries.js";
import { createTenantRegistry } from "./tenant-registry.js";

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
};

type StoredSettings = Settings & { version?: string };

/** Everything the functions read and write, over one set of table clients. */
export const createStore = (
  storage: TableStorage,
  clock: () => Date = () => new Date(),
  options: StoreOptions = {},
) => {
  const deadlines = createDeadlineStore(storage);
  const queries = createTenantQueries(storage);
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
    storage,
    deadlines,
    tenants: createTenantRegistry(storage),
    conversations: createConversationStore(storage),
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
