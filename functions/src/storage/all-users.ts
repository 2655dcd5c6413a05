import type { User } from "@dealflow/core";
import { readAllPages } from "./paging.js";
import type { Store } from "./store.js";

/** Every user of a tenant, read page by page. */
export const allUsers = (store: Store, tenantId: string): Promise<User[]> =>
  readAllPages((page) => store.listUsers(tenantId, page));
