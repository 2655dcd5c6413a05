import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Select,
  Spinner,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { describeApiError } from "../../../api/api-error.js";
import type { DiscardedFilters, ReportPeriod } from "../../../api/reports-api.js";
import { useSession } from "../../../app/session.js";
import { useI18n } from "../../../i18n/i18n.js";
import { OwnerSelect } from "../../common/owner-select.js";
import { dayIn } from "../period/period.js";
import { ReportProblem } from "../ReportProblem.js";
import { DiscardedTable } from "./DiscardedTable.js";
import { saveFile } from "./save-file.js";
import { useDiscardedList } from "./use-discarded-list.js";

const useStyles = makeStyles({
  panel: { display: "grid", gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalM },
  filters: { display: "flex", flexWrap: "wrap", alignItems: "end", gap: tokens.spacingHorizontalM },
});

/** SPEC §4.7: the discarded contacts of the period, filtered, paged and exported as CSV. */
export const DiscardedPanel = (props: { period: ReportPeriod }) => {
  const { t, timeZone } = useI18n();
  const { api, settings } = useSession();
  const styles = useStyles();
  const [reason, setReason] = useState("");
  const [source, setSource] = useState("");
  const [owner, setOwner] = useState("");
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const filters = useMemo<DiscardedFilters>(
    () => ({ ...props.period, reason, source, owner }),
    [props.period, reason, source, owner],
  );
  const list = useDiscardedList(filters);

  const exportCsv = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const csv = await api.discardedContactsCsv(filters);
      saveFile(csv, `discarded-contacts-${dayIn(new Date(), timeZone)}.csv`);
    } catch (error) {
      setExportError(describeApiError(error));
    } finally {
      setExporting(false);
    }
  };

  const select = (
    label: string,
    value: string,
    onChange: (value: string) => void,
    options: readonly { id: string; label: string }[],
    allLabel: string,
  ) => (
    <Field label={label}>
      <Select value={value} onChange={(_event, data) => onChange(data.value)}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </Select>
    </Field>
  );

  return (
    <div className={styles.panel}>
      <Text>{t("reports.discarded.hint")}</Text>
      <div className={styles.filters}>
        {select(
          t("field.reason"),
          reason,
          setReason,
          settings.discardReasons,
          t("reports.filter.allReasons"),
        )}
        {select(
          t("column.source"),
          source,
          setSource,
          settings.sources,
          t("reports.filter.allSources"),
        )}
        <OwnerSelect label="owner.filter" allLabel="owner.all" value={owner} onChange={setOwner} />
        <Button onClick={() => void exportCsv()} disabled={exporting}>
          {exporting ? t("reports.export.busy") : t("reports.export")}
        </Button>
      </div>
      {exportError && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t("reports.export.failed", { detail: exportError })}</MessageBarBody>
        </MessageBar>
      )}
      {list.loading === "first" && <Spinner label={t("app.loading")} />}
      {list.error !== null && list.items.length === 0 && (
        <ReportProblem error={list.error} onRetry={() => void list.reload()} />
      )}
      {list.loading === null && list.error === null && list.items.length === 0 && (
        <Text>
          {list.nextCursor ? t("reports.discarded.noneYet") : t("reports.discarded.none")}
        </Text>
      )}
      {list.items.length > 0 && (
        <DiscardedTable
          caption={t("reports.discarded.caption", { count: list.items.length })}
          items={list.items}
        />
      )}
      {list.error !== null && list.items.length > 0 && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{describeApiError(list.error)}</MessageBarBody>
        </MessageBar>
      )}
      {list.nextCursor !== null && list.loading !== "first" && (
        <div>
          <Button onClick={() => void list.loadMore()} disabled={list.loading === "more"}>
            {list.loading === "more" ? t("app.loading") : t("reports.loadMore")}
          </Button>
        </div>
      )}
    </div>
  );
};
