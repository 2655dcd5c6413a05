import type { ChangeSet, NotificationIntent } from "@dealflow/core";
import { createConversationStore } from "./conversation-store.js";
import { createDeadlineStore } from "./deadline-store.js";
import type { TableStorage } from "./table-storage.js";
import { type CommitOptions, type CommitResult, commitChangeSet } from "./tenant-commit.js";
import { createTenantQueries } from "./tenant-queries.js";
import { createTenantRegistry } from "./tenant-registry.js";

/** Hands committed outbox rows to their deliverer (the notifications queue). */
export type NotificationPublisher = (notifications: readonly NotificationIntent[]) => Promise<void>;

export type StoreOptions = {
  /** Without one, notifications wait for their relay hint (the sweep) to be queued. */
  publish?: NotificationPublisher;
};

/** Everything the functions read and write, over one set of table clients. */
export const createStore = (
  storage: TableStorage,
  clock: () => Date = () => new Date(),
  options: StoreOptions = {},
) => {
  const deadlines = createDeadlineStore(storage);
  return {
    storage,
    deadlines,
    tenants: createTenantRegistry(storage),
    conversations: createConversationStore(storage),
    ...createTenantQueries(storage),
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
      const result = await commitChangeSet(
        storage,
        deadlines,
        tenantId,
        changeSet,
        clock(),
        commitOptions,
      );
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
