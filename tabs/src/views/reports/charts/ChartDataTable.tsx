import {
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";

export type ChartTable = {
  columns: string[];
  rows: { key: string; cells: string[] }[];
  /** Columns of free text that may wrap; the first (the group's name) always may, numbers never. */
  wrapColumns?: number[];
};

const useStyles = makeStyles({
  // Each column as wide as its words (headers and numbers on one line, never broken inside a
  // word), the table across its section; where that is wider than the section (a phone) the
  // table scrolls sideways inside its own frame, never the page.
  frame: { overflowX: "auto", maxWidth: "100%" },
  table: { tableLayout: "auto", width: "100%" },
  cell: { verticalAlign: "top", paddingBlock: tokens.spacingVerticalXS },
  oneLine: { whiteSpace: "nowrap" },
  text: { minWidth: "7rem", overflowWrap: "break-word" },
  number: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
});

/** A chart's numbers as a real table, for screen readers, keyboards and copying. */
export const ChartDataTable = (props: { label: string; table: ChartTable }) => {
  const styles = useStyles();
  const text = (index: number) => index === 0 || props.table.wrapColumns?.includes(index);
  return (
    // Focusable so a keyboard can scroll it when it is wider than the screen; a group named as
    // its table, not a region (a landmark per chart would crowd the page's landmarks).
    // biome-ignore lint/a11y/useSemanticElements: a fieldset is for form controls, this frame holds a table
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable frame must take focus (WCAG 2.1.1)
    <div className={styles.frame} role="group" aria-label={props.label} tabIndex={0}>
      <Table size="small" className={styles.table} aria-label={props.label}>
        <TableHeader>
          <TableRow>
            {props.table.columns.map((column) => (
              <TableHeaderCell key={column} className={mergeClasses(styles.cell, styles.oneLine)}>
                {column}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.table.rows.map((row) => (
            <TableRow key={row.key}>
              {row.cells.map((cell, index) => (
                <TableCell
                  key={props.table.columns[index] ?? cell}
                  className={mergeClasses(styles.cell, text(index) ? styles.text : styles.number)}
                >
                  {cell}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
};
