import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { createStore, type Store } from "../../functions/src/storage/store.js";
import {
  createTableStorage,
  type TableStorage,
} from "../../functions/src/storage/table-storage.js";

/**
 * A store and the table client it was made on. The store hands features no table; tests keep
 * the client for what only raw rows show ("nothing was written", fault injection, wiring).
 */
export type TestStore = Store & { storage: TableStorage };

/** Fresh tables (own prefix) on the run's Azurite: no test sees another's rows. */
export const createTestStore = async (clock?: () => Date): Promise<TestStore> => {
  const storage = createTableStorage({
    connectionString: inject("storageConnectionString"),
    tablePrefix: `t${randomUUID().replace(/-/g, "").slice(0, 12)}`,
  });
  await storage.ensureTables();
  return Object.assign(createStore(storage, clock), { storage });
};

export const newTenantId = (): string => randomUUID();
