import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";

export type ChartTable = {
  columns: string[];
  rows: { key: string; cells: string[] }[];
  /** Columns of free text that may wrap; the first (the group's name) always may, numbers never. */
  wrapColumns?: number[];
};

const useStyles = makeStyles({
  // Columns as wide as their content, not Fluent's equal fixed widths.
  table: { tableLayout: "auto" },
  number: { whiteSpace: "nowrap" },
});

/** A chart's numbers as a real table, for screen readers, keyboards and copying. */
export const ChartDataTable = (props: { label: string; table: ChartTable }) => {
  const styles = useStyles();
  const wraps = (index: number) => index === 0 || props.table.wrapColumns?.includes(index);
  return (
    <Table size="small" className={styles.table} aria-label={props.label}>
      <TableHeader>
        <TableRow>
          {props.table.columns.map((column) => (
            <TableHeaderCell key={column}>{column}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.table.rows.map((row) => (
          <TableRow key={row.key}>
            {row.cells.map((cell, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
              <TableCell key={index} className={wraps(index) ? undefined : styles.number}>
                {cell}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
