import type { Offer, OfferStatus } from "@dealflow/core";
import { keyPart } from "./keys.js";
import {
  DEFAULT_PAGE_SIZE,
  decodeRow,
  encodeCursor,
  MAX_PAGE_SIZE,
  type Page,
  type PageRequest,
  readRange,
} from "./paging.js";
import { recordPrefixes } from "./rows/record.rows.js";
import type { TableStorage } from "./table-storage.js";

/**
 * Rows one request reads at most while picking out a settled status: the main rows carry the
 * status inside the record, so Table Storage cannot filter on it for us.
 */
export const MAX_SCANNED_OFFERS = 1_000;

const pageSize = (page: PageRequest) =>
  Math.min(Math.max(page.limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);

/** The managers' view of routing (SPEC §4.5): every offer of the tenant. */
export const createOfferQueries = (storage: TableStorage) => {
  const read = async (tenantId: string, prefix: string, page: PageRequest, main: boolean) => {
    const rows = await readRange(storage, keyPart(tenantId, "tenantId"), { prefix }, page);
    return {
      items: rows.items.map((row) => decodeRow<Offer>(row, main)),
      nextCursor: rows.nextCursor,
    };
  };

  /**
   * The main rows with one settled status, in the order sent. A page stops at `limit` offers
   * or after MAX_SCANNED_OFFERS rows, so it may hold fewer (even none) and still go on.
   */
  const readWithStatus = async (
    tenantId: string,
    status: OfferStatus,
    page: PageRequest,
  ): Promise<Page<Offer>> => {
    const limit = pageSize(page);
    const items: Offer[] = [];
    let cursor = page.cursor ?? null;
    let scanned = 0;
    while (scanned < MAX_SCANNED_OFFERS) {
      const batch = await readRange(
        storage,
        keyPart(tenantId, "tenantId"),
        { prefix: recordPrefixes.offers() },
        { limit: MAX_PAGE_SIZE, ...(cursor === null ? {} : { cursor }) },
      );
      for (const [index, row] of batch.items.entries()) {
        scanned++;
        const offer = decodeRow<Offer>(row, true);
        if (offer.status !== status) continue;
        items.push(offer);
        if (items.length === limit) {
          const last = batch.nextCursor === null && index === batch.items.length - 1;
          return { items, nextCursor: last ? null : encodeCursor(row.rowKey ?? "") };
        }
      }
      cursor = batch.nextCursor;
      if (cursor === null) break;
    }
    return { items, nextCursor: cursor };
  };

  return {
    /**
     * The tenant's offers in the order they were sent (oldest first: ids are ULIDs and Table
     * Storage reads ascending only), all of them or those with `status`. Pending ones are
     * their own range; the others are read from the main rows, which carry their version.
     */
    listTenantOffers(
      tenantId: string,
      status: OfferStatus | null,
      page: PageRequest = {},
    ): Promise<Page<Offer>> {
      if (status === "pending") {
        return read(tenantId, recordPrefixes.pendingOffers(), page, false);
      }
      if (status === null) return read(tenantId, recordPrefixes.offers(), page, true);
      return readWithStatus(tenantId, status, page);
    },
  };
};
