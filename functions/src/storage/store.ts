import type { ChangeSet } from "@dealflow/core";
import { createConversationStore } from "./conversation-store.js";
import { createDeadlineStore } from "./deadline-store.js";
import type { TableStorage } from "./table-storage.js";
import { commitChangeSet } from "./tenant-commit.js";
import { createTenantQueries } from "./tenant-queries.js";
import { createTenantRegistry } from "./tenant-registry.js";

/** Everything the functions read and write, over one set of table clients. */
export const createStore = (storage: TableStorage, clock: () => Date = () => new Date()) => {
  const deadlines = createDeadlineStore(storage);
  return {
    storage,
    deadlines,
    tenants: createTenantRegistry(storage),
    conversations: createConversationStore(storage),
    ...createTenantQueries(storage),
    /** Writes a use case's change set atomically (see commitChangeSet). */
    commit: (tenantId: string, changeSet: ChangeSet) =>
      commitChangeSet(storage, deadlines, tenantId, changeSet, clock()),
  };
};

export type Store = ReturnType<typeof createStore>;
