import type { Pipeline } from "@dealflow/contract";
import { Field, makeStyles, Select, Text, ToggleButton, tokens } from "@fluentui/react-components";
import { useSession } from "../../app/session.js";
import { useI18n } from "../../i18n/i18n.js";
import { OwnerSelect } from "../common/owner-select.js";
import { useInlineFieldClass } from "../common/ViewHeader.js";
import type { PipelineLayout } from "./pipeline-route.js";

const useStyles = makeStyles({
  layout: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
});

/** What the view shows (the ViewHeader's toolbar line): which pipeline, whose, board or list. */
export const PipelineToolbar = (props: {
  titleId: string;
  pipelines: readonly Pipeline[];
  pipelineId: string;
  onPipeline: (id: string) => void;
  owner: string;
  onOwner: (id: string) => void;
  layout: PipelineLayout;
  onLayout: (layout: PipelineLayout) => void;
}) => {
  const { t } = useI18n();
  const { me } = useSession();
  const styles = useStyles();
  const inlineField = useInlineFieldClass();
  const layoutLabelId = `${props.titleId}-layout`;
  return (
    <>
      {props.pipelines.length > 1 && (
        <Field label={t("pipeline.picker")} orientation="horizontal" className={inlineField}>
          <Select
            value={props.pipelineId}
            onChange={(_event, data) => props.onPipeline(data.value)}
          >
            {props.pipelines.map((pipeline) => (
              <option key={pipeline.id} value={pipeline.id}>
                {pipeline.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {me.role === "manager" && (
        <OwnerSelect
          label="owner.filter"
          allLabel="owner.all"
          value={props.owner}
          onChange={props.onOwner}
          inline
        />
      )}
      {/* biome-ignore lint/a11y/useSemanticElements: a fieldset's legend cannot sit in line with its buttons */}
      <div role="group" aria-labelledby={layoutLabelId} className={styles.layout}>
        <Text id={layoutLabelId}>{t("pipeline.layout")}</Text>
        {(["board", "list"] as const).map((layout) => (
          <ToggleButton
            key={layout}
            checked={props.layout === layout}
            onClick={() => props.onLayout(layout)}
          >
            {t(layout === "board" ? "pipeline.layout.board" : "pipeline.layout.list")}
          </ToggleButton>
        ))}
      </div>
    </>
  );
};
