import {
  Button,
  Field,
  Label,
  MessageBar,
  MessageBarBody,
  makeStyles,
  ProgressBar,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { type ChangeEvent, useId, useMemo, useState } from "react";
import type { ImportKind } from "../../api/settings-api.js";
import { useI18n } from "../../i18n/i18n.js";
import { cellsByRow } from "./csv-cells.js";
import { ExpectedColumns } from "./ExpectedColumns.js";
import { ImportPreviewTable } from "./ImportPreviewTable.js";
import { IMPORT_PHASES, type ImportState, useCsvImport } from "./use-csv-import.js";

const useStyles = makeStyles({
  section: { display: "grid", gap: tokens.spacingVerticalM },
  file: { display: "grid", gap: tokens.spacingVerticalXS, justifyItems: "start" },
  actions: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
  alert: { color: tokens.colorPaletteRedForeground1, whiteSpace: "pre-line" },
});

const ImportProgress = (props: { state: ImportState }) => {
  const { t } = useI18n();
  const { state } = props;
  if (state.step !== "working" && state.step !== "done") return null;
  const step =
    state.step === "done" ? IMPORT_PHASES.length : IMPORT_PHASES.indexOf(state.phase) + 1;
  const text =
    state.step === "done"
      ? t("import.phase.done")
      : t("import.phase.step", {
          step,
          steps: IMPORT_PHASES.length,
          phase: t(`import.phase.${state.phase}`),
        });
  return (
    <Field label={t("import.progress")} hint={text} validationState="none">
      <ProgressBar value={step} max={IMPORT_PHASES.length} aria-valuetext={text} />
    </Field>
  );
};

/** SPEC §6: CSV import of contacts or opportunities, previewed row by row before anything is written. */
export const ImportSection = () => {
  const { t } = useI18n();
  const styles = useStyles();
  const fileId = useId();
  const [kind, setKind] = useState<ImportKind>("contacts");
  const csvImport = useCsvImport(kind);
  const { state, error } = csvImport;
  const report = state.step === "idle" ? null : state.report;
  const csv = state.step === "preview" ? state.csv : null;
  const cells = useMemo(() => (csv === null ? undefined : cellsByRow(csv, kind)), [csv, kind]);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again, once fixed, is a new choice.
    event.target.value = "";
    if (file) void csvImport.preview(file);
  };

  return (
    <div className={styles.section}>
      <Field label={t("import.kind")}>
        <RadioGroup
          layout="horizontal"
          value={kind}
          onChange={(_event, data) => {
            setKind(data.value === "opportunities" ? "opportunities" : "contacts");
            csvImport.reset();
          }}
        >
          <Radio value="contacts" label={t("import.kind.contacts")} />
          <Radio value="opportunities" label={t("import.kind.opportunities")} />
        </RadioGroup>
      </Field>
      <Subtitle2 as="h3">{t("import.columns.title")}</Subtitle2>
      <Text as="p">{t("import.columns.intro")}</Text>
      <ExpectedColumns kind={kind} />
      <div className={styles.file}>
        <Label htmlFor={fileId}>{t("import.file")}</Label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          disabled={state.step === "working"}
          onChange={choose}
        />
      </div>
      <ImportProgress state={state} />
      {error && (
        <p role="alert" className={styles.alert}>
          {error}
        </p>
      )}
      {state.step === "done" && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>
            {t(`import.created.${kind}`, { count: state.report.created, file: state.fileName })}
          </MessageBarBody>
        </MessageBar>
      )}
      {state.step === "preview" && (
        <>
          <Subtitle2 as="h3">{t("import.preview.title", { file: state.fileName })}</Subtitle2>
          <Text as="p" role="status">
            {t("import.summary", {
              count: state.report.total,
              valid: state.report.valid,
              invalid: state.report.invalid,
            })}
          </Text>
          {state.report.ignoredColumns.length > 0 && (
            <Text as="p">
              {t("import.ignored", { columns: state.report.ignoredColumns.join(", ") })}
            </Text>
          )}
          <div className={styles.actions}>
            <Button
              appearance="primary"
              disabled={state.report.invalid > 0 || state.report.valid === 0}
              onClick={() => void csvImport.runImport()}
            >
              {t("import.run")}
            </Button>
            {state.report.invalid > 0 && <Text>{t("import.fixFirst")}</Text>}
          </div>
        </>
      )}
      {report && state.step !== "done" && (
        <ImportPreviewTable
          kind={kind}
          caption={t("import.preview.caption", { count: report.total })}
          rows={report.rows}
          cells={cells}
        />
      )}
    </div>
  );
};
