import {
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import type { ImportKind } from "../../api/settings-api.js";
import { useI18n } from "../../i18n/i18n.js";
import { useColumnDrop } from "../common/list/column-drop.js";
import { IMPORT_COLUMNS } from "./import-columns.js";

const useStyles = makeStyles({
  // A long column name ("preferredChannel") breaks rather than run into the next cell.
  cell: { overflowWrap: "anywhere", verticalAlign: "top" },
});

/** The columns a file may have, which are required, and the other headers accepted for each. */
export const ExpectedColumns = (props: { kind: ImportKind }) => {
  const { t } = useI18n();
  const styles = useStyles();
  const drop = useColumnDrop();
  return (
    <Table size="small" aria-label={t("import.columns.caption")}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t("import.columns.column")}</TableHeaderCell>
          <TableHeaderCell>{t("import.columns.required")}</TableHeaderCell>
          <TableHeaderCell>{t("import.columns.meaning")}</TableHeaderCell>
          <TableHeaderCell className={drop.phone}>{t("import.columns.aliases")}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {IMPORT_COLUMNS[props.kind].map((column) => (
          <TableRow key={column.name}>
            <TableCell className={styles.cell}>
              <code>{column.name}</code>
            </TableCell>
            <TableCell className={styles.cell}>
              {t(column.required ? "import.columns.yes" : "import.columns.no")}
            </TableCell>
            <TableCell className={styles.cell}>{t(column.description)}</TableCell>
            <TableCell className={mergeClasses(styles.cell, drop.phone)}>
              {column.aliases.join(", ")}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
