import type { Opportunity } from "../../api/api-types.js";

export type Money = { amount: number; currency: string };

/** The total value of a column, one sum per currency (a tenant may quote in several). */
export const totalValue = (items: readonly Opportunity[]): Money[] => {
  const sums = new Map<string, number>();
  for (const { value } of items) {
    if (value) sums.set(value.currency, (sums.get(value.currency) ?? 0) + value.amount);
  }
  return [...sums].map(([currency, amount]) => ({ currency, amount }));
};

export const formatMoney = (money: Money, locale: string): string => {
  try {
    return new Intl.NumberFormat(locale, {
      style: "currency",
      currency: money.currency,
      maximumFractionDigits: 0,
    }).format(money.amount);
  } catch {
    // Not an ISO 4217 code: show the number and the code as stored.
    return `${new Intl.NumberFormat(locale).format(money.amount)} ${money.currency}`;
  }
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
