import type { Pipeline } from "@dealflow/contract";
import { Field, makeStyles, mergeClasses, Select, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { useI18n } from "../../i18n/i18n.js";
import { useIsPhone } from "../common/use-width.js";
import { useInlineFieldClass } from "../common/ViewHeader.js";
import { type CardHandlers, PipelineColumn } from "./PipelineColumn.js";
import type { StageColumn } from "./use-pipeline-columns.js";

const useStyles = makeStyles({
  // The board, and only the board, scrolls sideways: main keeps the window's width.
  board: {
    display: "flex",
    gap: tokens.spacingHorizontalM,
    overflowX: "auto",
    alignItems: "flex-start",
    paddingBottom: tokens.spacingVerticalM,
    maxWidth: "100%",
    overscrollBehaviorX: "contain",
  },
  single: { display: "grid", gap: tokens.spacingVerticalS },
  picker: { maxWidth: "100%" },
});

/**
 * The pipeline as columns, one per stage, in the pipeline's order; on a phone one stage at a
 * time, chosen in a picker that says how many each stage holds.
 */
export const PipelineBoard = (
  props: { pipeline: Pipeline; columns: Readonly<Record<string, StageColumn>> } & Omit<
    CardHandlers,
    "stages"
  >,
) => {
  const { t } = useI18n();
  const styles = useStyles();
  const inlineField = useInlineFieldClass();
  const phone = useIsPhone();
  const { pipeline, columns, ...handlers } = props;
  const [chosen, setChosen] = useState<string | null>(null);
  const stage = pipeline.stages.find((s) => s.id === chosen) ?? pipeline.stages[0];
  const label = t("pipeline.board", { pipeline: pipeline.name });

  if (phone && stage) {
    return (
      <section aria-label={label} className={styles.single}>
        <Field label={t("pipeline.stagePicker")} orientation="horizontal" className={inlineField}>
          <Select
            className={styles.picker}
            value={stage.id}
            onChange={(_event, data) => setChosen(data.value)}
          >
            {pipeline.stages.map((option) => (
              <option key={option.id} value={option.id}>
                {t("pipeline.stageOption", {
                  stage: option.name,
                  count: columns[option.id]?.items.length ?? "…",
                })}
              </option>
            ))}
          </Select>
        </Field>
        <PipelineColumn
          key={stage.id}
          stage={stage}
          column={columns[stage.id]}
          stages={pipeline.stages}
          fill
          {...handlers}
        />
      </section>
    );
  }
  return (
    <section
      aria-label={label}
      className={mergeClasses(styles.board)}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a board that scrolls sideways must be reachable by keyboard (axe scrollable-region-focusable)
      tabIndex={0}
    >
      {pipeline.stages.map((s) => (
        <PipelineColumn
          key={s.id}
          stage={s}
          column={columns[s.id]}
          stages={pipeline.stages}
          {...handlers}
        />
      ))}
    </section>
  );
};
