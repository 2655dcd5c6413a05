import type { DiscardedContact, DiscardedFilters } from "@dealflow/contract";
import { type Opportunity, redactHiddenContact } from "@dealflow/core";
import type { ServiceDeps } from "../../../service-kit/service-deps.js";

const discardedAt = (o: Opportunity) => o.discard?.at ?? o.updatedAt;

const matches = (o: Opportunity, f: DiscardedFilters): boolean =>
  (f.reason === undefined || o.discard?.reason === f.reason) &&
  (f.source === undefined || o.source === f.source) &&
  (f.campaign === undefined || o.campaign === f.campaign) &&
  (f.owner === undefined || o.ownerId === f.owner) &&
  (f.to === undefined || Date.parse(discardedAt(o)) < Date.parse(f.to));

/** Rows a single request reads at most while filtering; the answer's cursor continues after. */
export const MAX_ROWS_SCANNED = 2_000;

/**
 * A page of the discarded list (newest discard first), filtered. The list is one projection
 * (`dis|newest|id`) and filters are applied while reading: every read asks for no more rows
 * than are still missing, so the store's cursor always sits right after the last row
 * returned. A selective filter may answer a short page with a cursor; `from` ends the
 * scan, since everything after it was discarded earlier.
 */
export const readDiscarded = async (
  deps: Pick<ServiceDeps, "store">,
  tenantId: string,
  filters: DiscardedFilters,
  page: { cursor?: string | undefined; limit: number },
): Promise<{ items: Opportunity[]; nextCursor: string | null }> => {
  const items: Opportunity[] = [];
  let cursor: string | null = page.cursor ?? null;
  let scanned = 0;
  const from = filters.from === undefined ? null : Date.parse(filters.from);
  while (items.length < page.limit && scanned < MAX_ROWS_SCANNED) {
    const read = await deps.store.listOpportunities(
      tenantId,
      { kind: "discarded" },
      { cursor, limit: Math.min(page.limit - items.length, 200) },
    );
    scanned += read.items.length;
    for (const opportunity of read.items) {
      if (from !== null && Date.parse(discardedAt(opportunity)) < from) {
        return { items, nextCursor: null };
      }
      if (matches(opportunity, filters)) items.push(opportunity);
    }
    cursor = read.nextCursor;
    if (cursor === null) break;
  }
  return { items, nextCursor: cursor };
};

export const presentDiscarded = (record: Opportunity): DiscardedContact => {
  const o = redactHiddenContact(record);
  return {
    opportunityId: o.id,
    title: o.title,
    contact: o.contact,
    reason: o.discard?.reason ?? "other",
    reasonText: o.discard?.text ?? null,
    source: o.source,
    campaign: o.campaign,
    ownerId: o.ownerId,
    discardedAt: discardedAt(o),
    discardedBy: o.discard?.by ?? null,
  };
};
