/** What a list needs to know of a column to decide whether it fits and how wide it is. */
export type ColumnFit = {
  id: string;
  /** 1 is always shown; a higher number drops out first as the width shrinks. */
  priority: number;
  /** The narrowest the column is still useful at, in px (padding included). */
  minWidth: number;
  /** Its share of the width left over once every shown column has its minimum (default 1). */
  grow?: number;
};

export type FittedColumn = { id: string; percent: number };

/**
 * The columns that fit `width`, in their own order, each with its share of the width in percent.
 * Columns join by priority (then by their order) while their minimums fit; priority 1 always
 * does. What is left is shared out by `grow`, so the shown columns fill the width exactly.
 */
export const fitColumns = (columns: readonly ColumnFit[], width: number): FittedColumn[] => {
  const byPriority = [...columns].sort((a, b) => a.priority - b.priority);
  const shown = new Set<string>();
  let used = 0;
  for (const column of byPriority) {
    // Strictly by priority: once one does not fit, none of a lower priority joins.
    if (column.priority > 1 && used + column.minWidth > width) break;
    shown.add(column.id);
    used += column.minWidth;
  }
  const kept = columns.filter((column) => shown.has(column.id));
  const total = Math.max(width, used);
  const grow = kept.reduce((sum, column) => sum + (column.grow ?? 1), 0);
  const spare = total - used;
  return kept.map((column) => ({
    id: column.id,
    percent:
      ((column.minWidth + (grow === 0 ? 0 : (spare * (column.grow ?? 1)) / grow)) / total) * 100,
  }));
};
