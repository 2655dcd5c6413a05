import { DomainError, type Opportunity } from "@dealflow/core";
import { key, newestFirstKey, timeKey } from "../../../storage/keys.js";
import type { Page } from "../../../storage/paging.js";
import type { Store } from "../../../storage/store.js";
import { type OpportunityView, viewPrefix } from "../../../storage/tenant-queries.js";

/** How a list is ordered: every view but the second-contact queue is newest first. */
export type ListOrder = "newest" | "second-contact-due";

/**
 * The part of a view's RowKey after its prefix (`newest|id` or `dueMs|id`). Every source of
 * one list shares it, so it orders a merge of several views and is the API's cursor.
 */
const sortKeyOf = (opportunity: Opportunity, order: ListOrder): string =>
  order === "newest"
    ? key(newestFirstKey(opportunity.receivedAt), opportunity.id)
    : key(
        timeKey(opportunity.firstContact.secondContactDueAt ?? opportunity.receivedAt),
        opportunity.id,
      );

const SORT_KEY = /^\d{13}\|[A-Za-z0-9._:@+-]{1,200}$/;

export const encodeListCursor = (sortKey: string) => Buffer.from(sortKey).toString("base64url");

export const decodeListCursor = (cursor: string): string => {
  const sortKey = Buffer.from(cursor, "base64url").toString("utf8");
  if (!SORT_KEY.test(sortKey)) {
    throw new DomainError("validation", "The cursor is not valid.", [
      { path: "query.cursor", message: "is not a cursor of this list" },
    ]);
  }
  return sortKey;
};

// The store's cursor is the last RowKey read, base64url (storage/paging.ts); continuing a
// view after a sort key is that view's prefix plus the key.
const storeCursor = (view: OpportunityView, sortKey: string) =>
  Buffer.from(viewPrefix(view) + sortKey, "utf8").toString("base64url");

/** Rows looked at per request at most, so a filter that matches little costs a bounded read. */
export const MAX_EXAMINED = 500;

type Keep = (opportunity: Opportunity) => boolean;

export type ListRequest = {
  sources: readonly OpportunityView[];
  order: ListOrder;
  /**
   * Permission and filters; rows it refuses are skipped, never returned. May still be
   * resolving (it needs the tenant's settings) while the first rows are read.
   */
  keep: Keep | Promise<Keep>;
  limit: number;
  cursor: string | null;
};

/**
 * One page of a list made of one or more views (a seller's "all" is their own, followed and
 * team-shared opportunities), merged by their shared sort key, deduplicated and filtered.
 * Each round reads `limit` rows of every source at once; a round only trusts rows up to the
 * smallest last key of the sources that have more, so nothing is skipped or repeated. A page
 * may come back short (filtered rows) with a cursor: the client follows it.
 */
export const readOpportunityPage = async (
  store: Pick<Store, "listOpportunities">,
  tenantId: string,
  request: ListRequest,
): Promise<{ items: Opportunity[]; nextCursor: string | null }> => {
  const { sources, order, limit } = request;
  let pending: Keep | Promise<Keep> = request.keep;
  const items: Opportunity[] = [];
  let after = request.cursor === null ? null : decodeListCursor(request.cursor);
  let examined = 0;
  for (;;) {
    const [pages, resolvedKeep]: [Page<Opportunity>[], Keep] = await Promise.all([
      Promise.all(
        sources.map((view) =>
          store.listOpportunities(tenantId, view, {
            limit,
            ...(after === null ? {} : { cursor: storeCursor(view, after) }),
          }),
        ),
      ),
      pending,
    ]);
    const keep: Keep = resolvedKeep;
    pending = keep;
    let horizon: string | null = null;
    for (const page of pages) {
      const last = page.items.at(-1);
      // A page with more rows but none readable (dangling pointers) cannot bound the merge.
      if (page.nextCursor === null || last === undefined) continue;
      const lastKey = sortKeyOf(last, order);
      if (horizon === null || lastKey < horizon) horizon = lastKey;
    }
    const merged = new Map<string, Opportunity>();
    for (const page of pages) {
      for (const opportunity of page.items) {
        const sortKey = sortKeyOf(opportunity, order);
        if (horizon === null || sortKey <= horizon) merged.set(sortKey, opportunity);
      }
    }
    const ordered = [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [index, [sortKey, opportunity]] of ordered.entries()) {
      examined += 1;
      after = sortKey;
      if (!keep(opportunity)) continue;
      items.push(opportunity);
      if (items.length === limit) {
        const more = horizon !== null || index < ordered.length - 1;
        return { items, nextCursor: more ? encodeListCursor(sortKey) : null };
      }
    }
    if (horizon === null) return { items, nextCursor: null };
    after = horizon;
    if (examined >= MAX_EXAMINED) return { items, nextCursor: encodeListCursor(after) };
  }
};
