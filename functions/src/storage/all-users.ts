import type { User } from "@dealflow/core";
import type { Store } from "./store.js";

/** Every user of a tenant, read page by page. */
export const allUsers = async (store: Store, tenantId: string): Promise<User[]> => {
  const users: User[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.listUsers(tenantId, { cursor, limit: 200 });
    users.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return users;
};
