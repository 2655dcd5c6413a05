import type { OpportunityListItem as Opportunity } from "@dealflow/contract";

/**
 * How a list is ordered. `server` keeps the API's order (newest first; the second-contact queue
 * by due time); the others sort the loaded list, which is read whole (use-opportunity-list).
 */
export type OpportunitySort = "server" | "newest" | "oldest" | "value" | "nextTask" | "updated";

const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : Number.NaN);

/** Missing values go last whatever the direction. */
const by =
  (key: (o: Opportunity) => number, direction: 1 | -1) => (a: Opportunity, b: Opportunity) => {
    const [x, y] = [key(a), key(b)];
    if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : 1;
    if (Number.isNaN(y)) return -1;
    return (x - y) * direction;
  };

const COMPARE: Record<
  Exclude<OpportunitySort, "server">,
  (a: Opportunity, b: Opportunity) => number
> = {
  newest: by((o) => time(o.receivedAt), -1),
  oldest: by((o) => time(o.receivedAt), 1),
  // Amounts compare as numbers: a tenant's deals are nearly always in one currency.
  value: by((o) => o.value?.amount ?? Number.NaN, -1),
  nextTask: by((o) => time(o.nextTask?.dueAt), 1),
  updated: by((o) => time(o.updatedAt), -1),
};

export const sortOpportunities = (
  items: readonly Opportunity[],
  sort: OpportunitySort,
): readonly Opportunity[] => (sort === "server" ? items : [...items].sort(COMPARE[sort]));
