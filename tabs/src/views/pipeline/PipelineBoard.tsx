import { makeStyles, tokens } from "@fluentui/react-components";
import type { Pipeline } from "../../api/api-types.js";
import { useI18n } from "../../i18n/i18n.js";
import { type CardHandlers, PipelineColumn } from "./PipelineColumn.js";
import type { StageColumn } from "./use-pipeline-columns.js";

const useStyles = makeStyles({
  board: {
    display: "flex",
    gap: tokens.spacingHorizontalM,
    overflowX: "auto",
    alignItems: "flex-start",
    paddingBottom: tokens.spacingVerticalM,
  },
});

/** The pipeline as columns, one per stage, in the pipeline's order. */
export const PipelineBoard = (
  props: { pipeline: Pipeline; columns: Readonly<Record<string, StageColumn>> } & Omit<
    CardHandlers,
    "stages"
  >,
) => {
  const { t } = useI18n();
  const styles = useStyles();
  const { pipeline, columns, ...handlers } = props;
  return (
    <section
      aria-label={t("pipeline.board", { pipeline: pipeline.name })}
      className={styles.board}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a board that scrolls sideways must be reachable by keyboard (axe scrollable-region-focusable)
      tabIndex={0}
    >
      {pipeline.stages.map((stage) => (
        <PipelineColumn
          key={stage.id}
          stage={stage}
          column={columns[stage.id]}
          stages={pipeline.stages}
          {...handlers}
        />
      ))}
    </section>
  );
};
