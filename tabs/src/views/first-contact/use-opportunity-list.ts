import type { OpportunityListItem as Opportunity, OpportunityView } from "@dealflow/contract";
import { useCallback, useEffect, useRef, useState } from "react";
import { describeApiError } from "../../api/api-error.js";
import { useSession } from "../../app/session.js";

/** The API's largest page: a 1,000-row queue is five requests. */
export const LIST_PAGE_SIZE = 200;
/** Past this, the list says it shows the newest MAX_LIST_ROWS only (filter by owner to narrow). */
export const MAX_LIST_ROWS = 5_000;

export type OpportunityList = {
  /** null until the first page arrived. */
  items: Opportunity[] | null;
  /** false while later pages are still being read. */
  complete: boolean;
  /** true when the list stopped at MAX_LIST_ROWS with more to read. */
  truncated: boolean;
  error: string | null;
  reload: () => Promise<void>;
};

/**
 * A whole list (`owner`, for managers, narrows it to one owner): the first page shows at once,
 * the next ones append as they arrive. A reload (or a new view/owner) abandons a read in flight.
 */
export const useOpportunityList = (
  view: OpportunityView,
  owner: string | null = null,
  /** `q`: the server's search (name, email, company, title); `nextTask`: each row's next task. */
  options: { q?: string; nextTask?: boolean } = {},
): OpportunityList => {
  const { q = "", nextTask = false } = options;
  const { api } = useSession();
  const [items, setItems] = useState<Opportunity[] | null>(null);
  const [complete, setComplete] = useState(false);
  const [truncated, setTruncated] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const current = ++generation.current;
    const stale = () => current !== generation.current;
    setComplete(false);
    try {
      const read = {
        limit: LIST_PAGE_SIZE,
        ...(q ? { q } : {}),
        ...(nextTask ? { nextTask } : {}),
      };
      let page = await api.opportunities(view, owner, read);
      if (stale()) return;
      const seen = new Set<string>();
      const loaded: Opportunity[] = [];
      const append = (next: readonly Opportunity[]) => {
        // A record that moved while the list was read can show on two pages: keep its first.
        for (const item of next) if (!seen.has(item.id) && seen.add(item.id)) loaded.push(item);
        setItems([...loaded]);
      };
      append(page.items);
      setError(null);
      while (page.nextCursor !== null && loaded.length < MAX_LIST_ROWS) {
        page = await api.opportunities(view, owner, { ...read, cursor: page.nextCursor });
        if (stale()) return;
        append(page.items);
      }
      setTruncated(page.nextCursor !== null);
      setComplete(true);
    } catch (reason) {
      if (stale()) return;
      setError(describeApiError(reason));
      setComplete(true);
    }
  }, [api, view, owner, q, nextTask]);

  useEffect(() => {
    void reload();
    return () => {
      generation.current++;
    };
  }, [reload]);

  return { items, complete, truncated, error, reload };
};
