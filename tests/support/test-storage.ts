import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { createStore, type Store } from "../../functions/src/storage/store.js";
import { createTableStorage } from "../../functions/src/storage/table-storage.js";

/** Fresh tables (own prefix) on the run's Azurite: no test sees another's rows. */
export const createTestStore = async (clock?: () => Date): Promise<Store> => {
  const storage = createTableStorage({
    connectionString: inject("storageConnectionString"),
    tablePrefix: `t${randomUUID().replace(/-/g, "").slice(0, 12)}`,
  });
  await storage.ensureTables();
  return createStore(storage, clock);
};

export const newTenantId = (): string => randomUUID();
