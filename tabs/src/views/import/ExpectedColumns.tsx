import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import type { ImportKind } from "../../api/settings-api.js";
import { useI18n } from "../../i18n/i18n.js";
import { IMPORT_COLUMNS } from "./import-columns.js";

/** The columns a file may have, which are required, and the other headers accepted for each. */
export const ExpectedColumns = (props: { kind: ImportKind }) => {
  const { t } = useI18n();
  return (
    <Table size="small" aria-label={t("import.columns.caption")}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t("import.columns.column")}</TableHeaderCell>
          <TableHeaderCell>{t("import.columns.required")}</TableHeaderCell>
          <TableHeaderCell>{t("import.columns.meaning")}</TableHeaderCell>
          <TableHeaderCell>{t("import.columns.aliases")}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {IMPORT_COLUMNS[props.kind].map((column) => (
          <TableRow key={column.name}>
            <TableCell>
              <code>{column.name}</code>
            </TableCell>
            <TableCell>{t(column.required ? "import.columns.yes" : "import.columns.no")}</TableCell>
            <TableCell>{t(column.description)}</TableCell>
            <TableCell>{column.aliases.join(", ")}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
