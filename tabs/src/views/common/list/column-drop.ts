import { makeStyles } from "@fluentui/react-components";

/**
 * For the small editing tables of Settings (a few rows of inputs, never virtualized), which
 * keep plain table markup: a column's header and cells carry `phone` (or `narrow`) to drop out
 * on a small screen (what they hold is in the row's Edit dialog or its field's label anyway),
 * and an Input or Select in a cell carries `fill` to take the cell's width instead of its own.
 */
export const useColumnDrop = makeStyles({
  phone: { "@media (max-width: 639.98px)": { display: "none" } },
  narrow: { "@media (max-width: 1023.98px)": { display: "none" } },
  fill: { width: "100%", minWidth: 0, maxWidth: "100%" },
  // On a phone a cell's buttons stack instead of running past the table's edge.
  stackOnPhone: {
    "@media (max-width: 639.98px)": { flexDirection: "column", alignItems: "stretch" },
  },
});
