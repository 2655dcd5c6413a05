import { useCallback, useEffect, useRef, useState } from "react";
import type { DealflowApi } from "../../../api/dealflow-api.js";
import type { DiscardedContact, DiscardedFilters } from "../../../api/reports-api.js";
import { useSession } from "../../../app/session.js";

const PAGE_SIZE = 100;
/**
 * The API reads at most 2,000 rows a request, so a selective filter may answer an empty page
 * that still has a cursor; reading on a few times spares the user clicking "Load more" on nothing.
 */
const MAX_READS = 5;

const readSome = async (api: DealflowApi, filters: DiscardedFilters, cursor: string | null) => {
  const items: DiscardedContact[] = [];
  let next = cursor;
  let reads = 0;
  do {
    const page = await api.discardedContacts(filters, { cursor: next, limit: PAGE_SIZE });
    items.push(...page.items);
    next = page.nextCursor;
    reads += 1;
  } while (items.length === 0 && next !== null && reads < MAX_READS);
  return { items, nextCursor: next };
};

type ListState = {
  items: DiscardedContact[];
  nextCursor: string | null;
  /** "first": the first page of these filters; "more": a further page. */
  loading: "first" | "more" | null;
  error: unknown;
};

/** The discarded contacts list of `filters`, newest first, a page at a time. */
export const useDiscardedList = (filters: DiscardedFilters) => {
  const { api } = useSession();
  const [state, setState] = useState<ListState>({
    items: [],
    nextCursor: null,
    loading: "first",
    error: null,
  });
  // A change of filters restarts the list; answers to the filters before are dropped.
  const ticket = useRef(0);

  const loadFirst = useCallback(async () => {
    const mine = ++ticket.current;
    setState({ items: [], nextCursor: null, loading: "first", error: null });
    try {
      const read = await readSome(api, filters, null);
      if (mine === ticket.current) setState({ ...read, loading: null, error: null });
    } catch (error) {
      if (mine === ticket.current) setState((s) => ({ ...s, loading: null, error }));
    }
  }, [api, filters]);

  useEffect(() => {
    void loadFirst();
  }, [loadFirst]);

  const loadMore = async () => {
    const cursor = state.nextCursor;
    if (cursor === null || state.loading) return;
    const mine = ticket.current;
    setState((s) => ({ ...s, loading: "more", error: null }));
    try {
      const read = await readSome(api, filters, cursor);
      if (mine === ticket.current) {
        setState((s) => ({
          items: [...s.items, ...read.items],
          nextCursor: read.nextCursor,
          loading: null,
          error: null,
        }));
      }
    } catch (error) {
      if (mine === ticket.current) setState((s) => ({ ...s, loading: null, error }));
    }
  };

  return { ...state, reload: loadFirst, loadMore };
};
