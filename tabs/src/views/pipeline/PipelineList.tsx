import { Link, TableCell, TableRow } from "@fluentui/react-components";
import type { Opportunity, Pipeline } from "../../api/api-types.js";
import { useSession } from "../../app/session.js";
import type { MessageKey } from "../../i18n/catalog-en.js";
import { useI18n } from "../../i18n/i18n.js";
import { VirtualTable } from "../common/VirtualTable.js";
import { MarketplaceBadge } from "../marketplace/MarketplaceBadge.js";
import { contactDisplayName } from "../marketplace/marketplace-text.js";
import { canMove, cardFacts } from "./card-facts.js";
import { MoveToMenu } from "./MoveToMenu.js";
import type { CardHandlers } from "./PipelineColumn.js";
import type { StageColumn } from "./use-pipeline-columns.js";

const ROW_HEIGHT = 48;

const COLUMNS: MessageKey[] = [
  "column.contact",
  "pipeline.column.title",
  "column.stage",
  "column.owner",
  "pipeline.column.value",
  "pipeline.column.age",
  "column.actions",
];

/** The pipeline as one table, stage by stage in the pipeline's order. */
export const PipelineList = (
  props: { pipeline: Pipeline; columns: Readonly<Record<string, StageColumn>> } & Omit<
    CardHandlers,
    "stages" | "focusId"
  >,
) => {
  const { t, locale } = useI18n();
  const { me, userNames } = useSession();
  const { pipeline } = props;
  const rows = pipeline.stages.flatMap((stage) =>
    (props.columns[stage.id]?.items ?? []).map((opportunity) => ({ opportunity, stage })),
  );
  const row = (opportunity: Opportunity, stageName: string, rowIndex: number) => {
    const facts = cardFacts(opportunity, { t, locale, now: props.now, userNames });
    const nameId = `row-${opportunity.id}`;
    return (
      <TableRow key={opportunity.id} aria-rowindex={rowIndex} data-opportunity-id={opportunity.id}>
        <TableCell>
          <Link id={nameId} href={`#/opportunities/${encodeURIComponent(opportunity.id)}`}>
            {contactDisplayName(opportunity, t)}
          </Link>
          <MarketplaceBadge opportunity={opportunity} now={props.now} />
        </TableCell>
        <TableCell>{opportunity.title}</TableCell>
        <TableCell>{stageName}</TableCell>
        <TableCell>{facts.owner}</TableCell>
        <TableCell>{facts.value ?? ""}</TableCell>
        <TableCell>
          <time dateTime={opportunity.receivedAt}>{facts.elapsed}</time>
        </TableCell>
        <TableCell>
          {canMove(opportunity, me) && (
            <MoveToMenu
              opportunity={opportunity}
              stages={pipeline.stages}
              describedBy={nameId}
              disabled={props.busyId === opportunity.id}
              onMove={props.onMove}
            />
          )}
        </TableCell>
      </TableRow>
    );
  };

  return (
    <VirtualTable
      caption={t("pipeline.list", { pipeline: pipeline.name, count: rows.length })}
      headers={COLUMNS.map((key) => t(key))}
      items={rows}
      rowHeight={ROW_HEIGHT}
      maxHeight="75vh"
      renderRow={(item, rowIndex) => row(item.opportunity, item.stage.name, rowIndex)}
    />
  );
};
