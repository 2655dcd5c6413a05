import type { OpportunityListItem as Opportunity } from "@dealflow/contract";
import { Field, Select } from "@fluentui/react-components";
import { useState } from "react";
import { useSession } from "../../app/session.js";
import type { MessageKey } from "../../i18n/catalog-en.js";
import { formatAmount, formatDateTime } from "../../i18n/format.js";
import { useI18n } from "../../i18n/i18n.js";
import { LostReasonDialog } from "../common/LostReasonDialog.js";
import { OwnerSelect } from "../common/owner-select.js";
import { Section, useDetailStyles } from "./detail-layout.js";
import { stageNameOf, stagesOf } from "./opportunity-stages.js";
import type { Write } from "./use-opportunity-write.js";

/** The opportunity's facts; its owner and managers change the owner and the stage here. */
export const FactsSection = (props: {
  opportunity: Opportunity;
  canEdit: boolean;
  busy: boolean;
  run: (write: Write) => Promise<boolean>;
}) => {
  const { t, locale, timeZone } = useI18n();
  const { api, settings, userNames } = useSession();
  const styles = useDetailStyles();
  const { opportunity } = props;
  const stages = stagesOf(settings, opportunity);
  // A move to a lost stage first asks why (optional), in a dialog.
  const [losing, setLosing] = useState<{ id: string; name: string } | null>(null);
  const move = (stageId: string, reason?: string | null) =>
    props.run((etag) =>
      reason
        ? api.changeStage(opportunity.id, stageId, etag, reason)
        : api.changeStage(opportunity.id, stageId, etag),
    );
  const source = settings.sources.find((item) => item.id === opportunity.source)?.label;
  // Whoever may change the owner and the stage sees them in their drop-downs below instead.
  const facts: [MessageKey, string][] = [
    ...(props.canEdit
      ? []
      : ([
          ["details.stage", stageNameOf(settings, opportunity)],
          [
            "column.owner",
            opportunity.ownerId ? (userNames.get(opportunity.ownerId) ?? opportunity.ownerId) : "—",
          ],
        ] satisfies [MessageKey, string][])),
    ["column.source", source ?? opportunity.source],
    ["column.campaign", opportunity.campaign ?? "—"],
    ["details.value", opportunity.value ? formatAmount(opportunity.value, locale) : "—"],
    ["details.tags", opportunity.tags.join(", ") || "—"],
    ["details.received", formatDateTime(opportunity.receivedAt, locale, timeZone)],
  ];

  return (
    <Section id="detail-facts" heading={t("details.fields")}>
      <dl className={styles.facts}>
        {facts.map(([label, value]) => (
          <div key={label} style={{ display: "contents" }}>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {props.canEdit && (
        <div className={styles.grid}>
          <OwnerSelect
            label="field.owner"
            value={opportunity.ownerId}
            disabled={props.busy}
            onChange={(ownerId) =>
              void props.run((etag) => api.changeOwner(opportunity.id, ownerId, etag))
            }
          />
          <Field label={t("details.stage")}>
            <Select
              value={opportunity.stage}
              disabled={props.busy}
              onChange={(_event, data) => {
                const stage = stages.find((item) => item.id === data.value);
                if (stage?.role === "lost") setLosing(stage);
                else void move(data.value);
              }}
            >
              {stages.map((stage) => (
                <option key={stage.id} value={stage.id}>
                  {stage.name}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      )}
      {losing && (
        <LostReasonDialog
          title={opportunity.title}
          stageName={losing.name}
          onCancel={() => setLosing(null)}
          onConfirm={async (reason) => {
            setLosing(null);
            await move(losing.id, reason);
          }}
        />
      )}
    </Section>
  );
};
