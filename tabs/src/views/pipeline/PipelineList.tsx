import type { OpportunityListItem as Opportunity, Pipeline } from "@dealflow/contract";
import { useI18n } from "../../i18n/i18n.js";
import { ResponsiveList } from "../common/list/ResponsiveList.js";
import { OpportunityRowCard } from "../opportunities/OpportunityRowCard.js";
import { useOpportunityColumns } from "../opportunities/opportunity-columns.js";
import { canMove } from "./card-facts.js";
import { MoveToMenu } from "./MoveToMenu.js";
import type { CardHandlers } from "./PipelineColumn.js";
import type { StageColumn } from "./use-pipeline-columns.js";

const ROW_HEIGHT = 52;
const CARD_HEIGHT = 120;

/** The pipeline as one list, stage by stage in the pipeline's order; cards on a phone. */
export const PipelineList = (
  props: { pipeline: Pipeline; columns: Readonly<Record<string, StageColumn>> } & Omit<
    CardHandlers,
    "stages" | "focusId"
  >,
) => {
  const { t } = useI18n();
  const { pipeline } = props;
  const items = pipeline.stages.flatMap((stage) => props.columns[stage.id]?.items ?? []);
  const moveTo = (opportunity: Opportunity, describedBy: string) =>
    canMove(opportunity) ? (
      <MoveToMenu
        opportunity={opportunity}
        stages={pipeline.stages}
        describedBy={describedBy}
        disabled={props.busyId === opportunity.id}
        onMove={props.onMove}
      />
    ) : null;
  const columns = useOpportunityColumns({
    now: props.now,
    actions: {
      header: t("column.actions"),
      minWidth: 110,
      render: (o) => moveTo(o, `row-${o.id}`),
    },
  });

  return (
    <ResponsiveList
      caption={t("pipeline.list", { pipeline: pipeline.name, count: items.length })}
      items={items}
      itemKey={(o) => o.id}
      columns={columns}
      rowHeight={ROW_HEIGHT}
      rowAttributes={(o) => ({ "data-opportunity-id": o.id })}
      renderCard={(o) => (
        <OpportunityRowCard opportunity={o} now={props.now} actions={moveTo(o, `card-${o.id}`)} />
      )}
      cardHeight={CARD_HEIGHT}
    />
  );
};
