import type { Labelled } from "@dealflow/contract";
import {
  Button,
  Field,
  Input,
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
import { type FormEvent, useState } from "react";
import { useI18n } from "../../i18n/i18n.js";
import { useColumnDrop } from "../common/list/column-drop.js";
import { idFromLabel } from "./id-from-label.js";
import type { FieldErrors } from "./validate-settings.js";

const useStyles = makeStyles({
  add: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  error: { color: tokens.colorPaletteRedForeground1 },
  id: { fontFamily: tokens.fontFamilyMonospace },
});

/**
 * Discard reasons or sources: rename, remove, add. A new item's id comes from its label and
 * never changes afterwards (opportunities and CSV files refer to it).
 */
export const ChoiceListSection = (props: {
  list: "discardReasons" | "sources";
  items: Labelled[];
  errors: FieldErrors;
  onChange: (items: Labelled[]) => void;
}) => {
  const { t } = useI18n();
  const styles = useStyles();
  const drop = useColumnDrop();
  const [label, setLabel] = useState("");
  const listError = props.errors.get(props.list);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = label.trim();
    if (trimmed === "") return;
    const id = idFromLabel(
      trimmed,
      props.items.map((item) => item.id),
    );
    props.onChange([...props.items, { id, label: trimmed }]);
    setLabel("");
  };

  const rename = (index: number, next: string) =>
    props.onChange(props.items.map((item, at) => (at === index ? { ...item, label: next } : item)));

  return (
    <>
      {listError && (
        <p role="alert" className={styles.error}>
          {listError}
        </p>
      )}
      <Table size="small" aria-label={t(`settings.section.${props.list}`)}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("settings.choice.name")}</TableHeaderCell>
            <TableHeaderCell className={drop.phone}>{t("settings.choice.id")}</TableHeaderCell>
            <TableHeaderCell>{t("column.actions")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {props.items.map((item, index) => (
            <TableRow key={item.id}>
              <TableCell>
                <Field validationMessage={props.errors.get(`${props.list}.${index}.label`)}>
                  <Input
                    className={drop.fill}
                    aria-label={t("settings.choice.nameOf", { id: item.id })}
                    value={item.label}
                    maxLength={80}
                    onChange={(_event, data) => rename(index, data.value)}
                  />
                </Field>
              </TableCell>
              <TableCell className={mergeClasses(styles.id, drop.phone)}>{item.id}</TableCell>
              <TableCell>
                <Button
                  disabled={props.items.length <= 1}
                  aria-label={t("settings.removeNamed", { name: item.label || item.id })}
                  onClick={() => props.onChange(props.items.filter((_item, at) => at !== index))}
                >
                  {t("settings.remove")}
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <form className={styles.add} onSubmit={add}>
        <Field label={t(`settings.choice.new.${props.list}`)}>
          <Input value={label} maxLength={80} onChange={(_event, data) => setLabel(data.value)} />
        </Field>
        <Button
          type="submit"
          disabled={label.trim() === ""}
          aria-label={t(`settings.choice.add.${props.list}`)}
        >
          {t("settings.add")}
        </Button>
      </form>
    </>
  );
};
