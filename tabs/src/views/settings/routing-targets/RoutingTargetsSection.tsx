import {
  Button,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Spinner,
  Text,
} from "@fluentui/react-components";
import { useState } from "react";
import type { RoutingTarget } from "../../../api/routing-api.js";
import type { MessageKey } from "../../../i18n/catalog-en.js";
import { useI18n } from "../../../i18n/i18n.js";
import { VirtualTable } from "../../common/VirtualTable.js";
import { ReviewsDialog } from "./ReviewsDialog.js";
import { TargetDialog } from "./TargetDialog.js";
import { TargetRow } from "./TargetRow.js";
import { useRoutingTargets } from "./use-routing-targets.js";

const ROW_HEIGHT = 48;

const COLUMNS: MessageKey[] = [
  "targets.column.name",
  "targets.column.type",
  "targets.column.level",
  "targets.column.country",
  "targets.column.languages",
  "targets.column.services",
  "targets.column.status",
  "targets.column.rating",
  "targets.column.completed",
  "targets.column.user",
  "column.actions",
];

const useStyles = makeStyles({
  // Eleven columns as wide as their words; lists wrap between entries, never inside a word.
  table: { tableLayout: "auto", overflowWrap: "break-word" },
});

/**
 * SPEC §4.5: the sellers and partners that receive offers. Not part of the settings document:
 * each add, edit and (de)activation is written at once.
 */
export const RoutingTargetsSection = () => {
  const { t } = useI18n();
  const styles = useStyles();
  const catalog = useRoutingTargets();
  const targets = catalog.targets ?? [];
  const [editing, setEditing] = useState<RoutingTarget | "new" | null>(null);
  const [reviewing, setReviewing] = useState<RoutingTarget | null>(null);

  if (catalog.loadError) return <div role="alert">{catalog.loadError}</div>;
  if (!catalog.targets) return <Spinner label={t("app.loading")} />;
  return (
    <>
      <Text as="p">{t("targets.intro")}</Text>
      {catalog.notice && (
        <MessageBar
          intent={catalog.notice.intent}
          role={catalog.notice.intent === "error" ? "alert" : "status"}
        >
          <MessageBarBody>{catalog.notice.text}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button appearance="primary" onClick={() => setEditing("new")}>
          {t("targets.add")}
        </Button>
      </div>
      {targets.length === 0 ? (
        <Text as="p">{t("targets.none")}</Text>
      ) : (
        // A narrow Teams pane scrolls the table sideways rather than squeezing eleven columns.
        <VirtualTable
          className={styles.table}
          containerStyle={{ overflowX: "auto" }}
          caption={t("targets.table")}
          headers={COLUMNS.map((key) => t(key))}
          items={targets}
          rowHeight={ROW_HEIGHT}
          maxHeight="70vh"
          renderRow={(target, rowIndex) => (
            <TargetRow
              key={target.id}
              target={target}
              rowIndex={rowIndex}
              busy={catalog.busyId === target.id}
              onEdit={() => setEditing(target)}
              onReviews={() => setReviewing(target)}
              onActive={(active) => void catalog.setActive(target, active)}
            />
          )}
        />
      )}
      {editing !== null && (
        <TargetDialog
          editing={editing === "new" ? null : editing}
          onSubmit={(input) =>
            editing === "new" ? catalog.create(input) : catalog.update(editing, input)
          }
          onDone={() => setEditing(null)}
        />
      )}
      {reviewing && <ReviewsDialog target={reviewing} onClose={() => setReviewing(null)} />}
    </>
  );
};
