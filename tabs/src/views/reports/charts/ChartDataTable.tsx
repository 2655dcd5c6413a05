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
  // The table fits its column at any width (a phone's too): the group's name gets a wider
  // share, every cell may wrap (a long word breaks) instead of pushing the page sideways.
  table: { tableLayout: "fixed", width: "100%" },
  cell: { overflowWrap: "anywhere", verticalAlign: "top", paddingBlock: tokens.spacingVerticalXS },
  name: { width: "28%" },
  number: { fontVariantNumeric: "tabular-nums" },
});

/** A chart's numbers as a real table, for screen readers, keyboards and copying. */
export const ChartDataTable = (props: { label: string; table: ChartTable }) => {
  const styles = useStyles();
  const text = (index: number) => index === 0 || props.table.wrapColumns?.includes(index);
  return (
    <Table size="small" className={styles.table} aria-label={props.label}>
      <TableHeader>
        <TableRow>
          {props.table.columns.map((column, index) => (
            <TableHeaderCell
              key={column}
              className={mergeClasses(styles.cell, index === 0 && styles.name)}
            >
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
                className={mergeClasses(styles.cell, !text(index) && styles.number)}
              >
                {cell}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
