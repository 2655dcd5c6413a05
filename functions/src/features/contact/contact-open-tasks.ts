import type { Task } from "@dealflow/core";
import { readAllPages } from "../../storage/paging.js";
import type { Store } from "../../storage/store.js";

/** 25 pages of 200: a contact with more open tasks than that is not a person but a mistake. */
const MAX_PAGES = 25;

/**
 * A contact's open tasks, every page: SPEC §4.3's classification replaces the contact's
 * earlier classification follow-up, which may sit anywhere in the list (a task completion
 * and the profile both read it here, so neither can miss one the other would see).
 */
export const openTasksOfContact = (
  store: Pick<Store, "listOpenTasksOfContact">,
  tenantId: string,
  contactId: string,
): Promise<Task[]> =>
  readAllPages((page) => store.listOpenTasksOfContact(tenantId, contactId, page), {
    maxPages: MAX_PAGES,
  });
