import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { RoutingTarget } from "../../../api/routing-api.js";
import { useI18n } from "../../../i18n/i18n.js";
import { ResponsiveList } from "../../common/list/ResponsiveList.js";
import { ErrorState, ListSkeleton } from "../../common/view-state.js";
import { ReviewsDialog } from "./ReviewsDialog.js";
import { TargetDialog } from "./TargetDialog.js";
import { useTargetCells } from "./TargetRow.js";
import { useRoutingTargets } from "./use-routing-targets.js";

const ROW_HEIGHT = 52;
const CARD_HEIGHT = 150;

/**
 * SPEC §4.5: the sellers and partners that receive offers. Not part of the settings document:
 * each add, edit and (de)activation is written at once.
 */
export const RoutingTargetsSection = () => {
  const { t } = useI18n();
  const catalog = useRoutingTargets();
  const targets = catalog.targets ?? [];
  const [editing, setEditing] = useState<RoutingTarget | "new" | null>(null);
  const [reviewing, setReviewing] = useState<RoutingTarget | null>(null);
  const { columns, card } = useTargetCells({
    busyId: catalog.busyId,
    onEdit: setEditing,
    onReviews: setReviewing,
    onActive: (target, active) => void catalog.setActive(target, active),
  });

  if (catalog.loadError) return <ErrorState message={catalog.loadError} />;
  if (!catalog.targets) return <ListSkeleton rows={3} />;
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
        <ResponsiveList
          caption={t("targets.table")}
          items={targets}
          itemKey={(target) => target.id}
          columns={columns}
          rowHeight={ROW_HEIGHT}
          rowAttributes={(target) => ({ "data-target-id": target.id })}
          maxHeight="70vh"
          renderCard={card}
          cardHeight={CARD_HEIGHT}
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
