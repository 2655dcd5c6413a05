import { makeStyles, TableCell, TableRow, tokens } from "@fluentui/react-components";
import type { ImportKind, ImportRowReport } from "../../api/settings-api.js";
import { useSession } from "../../app/session.js";
import { useI18n } from "../../i18n/i18n.js";
import { VirtualTable } from "../common/VirtualTable.js";
import { PREVIEW_FIELDS } from "./import-columns.js";

const ROW_HEIGHT = 40;

const useStyles = makeStyles({
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  errors: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  // A spreadsheet's preview: its columns keep a readable width and the preview scrolls
  // sideways inside its own box on a narrow screen (the page does not), long values wrap.
  table: {
    minWidth: "48rem",
    "& td, & th": { overflowWrap: "anywhere", verticalAlign: "top" },
  },
});

const cellText = (value: unknown): string =>
  value === null || value === undefined || value === ""
    ? "—"
    : Array.isArray(value)
      ? value.join(", ") || "—"
      : String(value);

/** The dry run, row by row: what each row would create, or what is wrong with it by column. */
export const ImportPreviewTable = (props: {
  kind: ImportKind;
  caption: string;
  rows: ImportRowReport[];
  /** The file's own cells by row, shown where the server could not preview a row. */
  cells?: ReadonlyMap<number, Partial<Record<string, string>>>;
}) => {
  const { t } = useI18n();
  const { userNames } = useSession();
  const styles = useStyles();
  const fields = PREVIEW_FIELDS[props.kind];
  const show = (key: string, value: unknown) =>
    key === "ownerId" && typeof value === "string"
      ? (userNames.get(value) ?? value)
      : cellText(value);

  return (
    <VirtualTable
      className={styles.table}
      containerStyle={{ overflowX: "auto" }}
      caption={props.caption}
      headers={[
        t("import.preview.row"),
        t("import.preview.status"),
        ...fields.map((field) => t(field.label)),
        t("import.preview.errors"),
      ]}
      items={props.rows}
      rowHeight={ROW_HEIGHT}
      maxHeight="60vh"
      renderRow={(row, rowIndex) => (
        <TableRow key={row.row} aria-rowindex={rowIndex}>
          <TableCell>{row.row}</TableCell>
          <TableCell className={row.status === "error" ? styles.error : undefined}>
            {t(row.status === "error" ? "import.status.error" : "import.status.ok")}
          </TableCell>
          {fields.map((field) => (
            <TableCell key={field.key}>
              {row.preview
                ? show(field.key, row.preview[field.key])
                : cellText(field.column && props.cells?.get(row.row)?.[field.column])}
            </TableCell>
          ))}
          <TableCell>
            {row.errors.length === 0 ? (
              "—"
            ) : (
              <ul className={styles.errors}>
                {row.errors.map((error) => (
                  <li key={`${error.column}:${error.message}`}>
                    {t("import.cellError", { column: error.column, message: error.message })}
                  </li>
                ))}
              </ul>
            )}
          </TableCell>
        </TableRow>
      )}
    />
  );
};
