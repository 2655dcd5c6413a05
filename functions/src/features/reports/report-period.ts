import { MAX_PERIOD_DAYS } from "@dealflow/contract";
import { DAY_MS, DomainError, type Opportunity } from "@dealflow/core";
import type { ServiceDeps } from "../../service-kit/service-deps.js";

/** More opportunities than this in one period are refused rather than read for seconds. */
export const MAX_REPORTED_OPPORTUNITIES = 20_000;
const DEFAULT_PERIOD_DAYS = 30;

export type Period = { from: Date; to: Date };

export const periodOf = (
  query: { from?: string | undefined; to?: string | undefined },
  now: Date,
): Period => {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from
    ? new Date(query.from)
    : new Date(to.getTime() - DEFAULT_PERIOD_DAYS * DAY_MS);
  if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) {
    throw new DomainError("validation", "The period is too long.", [
      { path: "query.from", message: `the period may span at most ${MAX_PERIOD_DAYS} days` },
    ]);
  }
  return { from, to };
};

/**
 * The opportunities received in the period, from the tenant's `all` projection (newest
 * received first, 200 rows a read). Reading starts at the newest opportunity, so a period in
 * the past also reads everything received after it; the scan stops at the first one
 * received before `from`. Cost: one range read per 200 opportunities from now back to `from`.
 */
export const opportunitiesReceivedIn = async (
  deps: Pick<ServiceDeps, "store">,
  tenantId: string,
  period: Period,
): Promise<Opportunity[]> => {
  const found: Opportunity[] = [];
  let cursor: string | null = null;
  let scanned = 0;
  do {
    const page = await deps.store.listOpportunities(
      tenantId,
      { kind: "all" },
      { cursor, limit: 200 },
    );
    for (const opportunity of page.items) {
      const received = Date.parse(opportunity.receivedAt);
      if (received < period.from.getTime()) return found;
      if (received < period.to.getTime()) found.push(opportunity);
    }
    scanned += page.items.length;
    if (scanned > MAX_REPORTED_OPPORTUNITIES) {
      throw new DomainError("validation", "The period holds too many opportunities to report.", [
        {
          path: "query.from",
          message: `more than ${MAX_REPORTED_OPPORTUNITIES} opportunities to read; choose a shorter period`,
        },
      ]);
    }
    cursor = page.nextCursor;
  } while (cursor !== null);
  return found;
};
