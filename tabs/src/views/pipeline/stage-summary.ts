import type { Money, OpportunityListItem as Opportunity } from "@dealflow/contract";

/** The total value of a column, one sum per currency (a tenant may quote in several). */
export const totalValue = (items: readonly Opportunity[]): Money[] => {
  const sums = new Map<string, number>();
  for (const { value } of items) {
    if (value) sums.set(value.currency, (sums.get(value.currency) ?? 0) + value.amount);
  }
  return [...sums].map(([currency, amount]) => ({ currency, amount }));
};

/** Moves (or adds) an opportunity to the column of its stage, first in it; other columns lose it. */
export const placeInColumns = (
  columns: Readonly<Record<string, readonly Opportunity[]>>,
  moved: Opportunity,
): Record<string, Opportunity[]> => {
  const next: Record<string, Opportunity[]> = {};
  for (const [stage, items] of Object.entries(columns)) {
    next[stage] = items.filter((item) => item.id !== moved.id);
  }
  next[moved.stage] = [moved, ...(next[moved.stage] ?? [])];
  return next;
};
