import type {
  OpportunityListItem as Opportunity,
  SettingsAnswer as Settings,
} from "@dealflow/contract";
import type { ReactNode } from "react";
import { useSession } from "../../app/session.js";
import { formatAmount, formatElapsed } from "../../i18n/format.js";
import { useI18n } from "../../i18n/i18n.js";
import type { ListColumn } from "../common/list/ResponsiveList.js";
import { TruncatedText } from "../common/TruncatedText.js";
import { ElapsedCell } from "../first-contact/ElapsedCell.js";
import { ContactCell, NextTaskCell, useCellStyles } from "./cells.js";

/** The stage's name in the opportunity's pipeline; the id when the pipeline no longer has it. */
export const stageNameOf = (settings: Pick<Settings, "pipelines">, o: Opportunity): string => {
  const pipelines = settings.pipelines;
  const pipeline = pipelines.find((p) => p.id === o.pipelineId) ?? pipelines[0];
  return pipeline?.stages.find((stage) => stage.id === o.stage)?.name ?? o.stage;
};

/** Where it stands: the stage, and the first-contact clock only while it still waits for one. */
export const StageCell = (props: { opportunity: Opportunity; now: Date; stageName: string }) => {
  const styles = useCellStyles();
  const { opportunity } = props;
  return (
    <div className={styles.stack}>
      <TruncatedText text={props.stageName} />
      {opportunity.firstContact?.state === "awaiting" && (
        <span className={styles.muted}>
          <ElapsedCell
            receivedAt={opportunity.receivedAt}
            now={props.now}
            due={opportunity.firstContact}
          />
        </span>
      )}
    </div>
  );
};

/**
 * The columns of an opportunity list (My opportunities, Following, the pipeline's list): who,
 * where it stands, what it is worth, the next step and its due, whose, when it last changed.
 * `actions` adds a last column (the pipeline's Move to).
 */
export const useOpportunityColumns = (options: {
  now: Date;
  actions?: { header: string; minWidth: number; render: (o: Opportunity) => ReactNode };
}): ListColumn<Opportunity>[] => {
  const { t, locale } = useI18n();
  const { settings, userNames, me } = useSession();
  const styles = useCellStyles();
  const { now } = options;
  const columns: ListColumn<Opportunity>[] = [
    {
      id: "contact",
      header: t("column.contact"),
      priority: 1,
      minWidth: 170,
      grow: 2,
      render: (o) => <ContactCell opportunity={o} now={now} nameId={`row-${o.id}`} />,
    },
    {
      id: "title",
      header: t("pipeline.column.title"),
      priority: 5,
      minWidth: 150,
      grow: 1.5,
      render: (o) => <TruncatedText text={o.title} />,
    },
    {
      id: "stage",
      header: t("column.stage"),
      priority: 1,
      minWidth: 110,
      grow: 1,
      render: (o) => <StageCell opportunity={o} now={now} stageName={stageNameOf(settings, o)} />,
    },
    {
      id: "value",
      header: t("list.column.value"),
      priority: 2,
      minWidth: 96,
      grow: 0,
      align: "end",
      render: (o) => (
        <span className={styles.number}>
          {o.value ? formatAmount(o.value, locale) : t("list.noValue")}
        </span>
      ),
    },
    {
      id: "next",
      header: t("list.column.nextTask"),
      priority: 2,
      minWidth: 170,
      grow: 1.5,
      render: (o) => <NextTaskCell opportunity={o} now={now} />,
    },
    {
      id: "owner",
      header: t("column.owner"),
      priority: me.role === "manager" ? 3 : 4,
      minWidth: 110,
      grow: 1,
      render: (o) => (
        <TruncatedText
          text={
            (o.ownerId === null ? undefined : userNames.get(o.ownerId)) ?? t("pipeline.unassigned")
          }
        />
      ),
    },
    {
      id: "updated",
      header: t("list.column.updated"),
      priority: 4,
      minWidth: 100,
      grow: 0,
      render: (o) =>
        o.updatedAt ? (
          <time dateTime={o.updatedAt}>
            <TruncatedText
              className={styles.muted}
              text={t("list.updatedAgo", {
                elapsed: formatElapsed(now.getTime() - Date.parse(o.updatedAt), locale),
              })}
            />
          </time>
        ) : null,
    },
  ];
  const { actions } = options;
  if (actions) {
    columns.push({
      id: "actions",
      header: actions.header,
      priority: 1,
      minWidth: actions.minWidth,
      grow: 0,
      align: "end",
      render: actions.render,
    });
  }
  return columns;
};
