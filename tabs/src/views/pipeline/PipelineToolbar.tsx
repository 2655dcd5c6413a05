import {
  Field,
  makeStyles,
  Select,
  Text,
  Title2,
  ToggleButton,
  tokens,
} from "@fluentui/react-components";
import type { Pipeline } from "../../api/api-types.js";
import { useSession } from "../../app/session.js";
import { useI18n } from "../../i18n/i18n.js";
import { OwnerSelect } from "../common/owner-select.js";
import type { PipelineLayout } from "./pipeline-route.js";

const useStyles = makeStyles({
  header: { display: "flex", alignItems: "end", flexWrap: "wrap", gap: tokens.spacingHorizontalL },
  layout: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
});

/** The view's title and what it shows: which pipeline, whose (managers), board or list. */
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
  const layoutLabelId = `${props.titleId}-layout`;
  return (
    <div className={styles.header}>
      <Title2 as="h1" id={props.titleId}>
        {t("pipeline.title")}
      </Title2>
      <Field label={t("pipeline.picker")}>
        <Select value={props.pipelineId} onChange={(_event, data) => props.onPipeline(data.value)}>
          {props.pipelines.map((pipeline) => (
            <option key={pipeline.id} value={pipeline.id}>
              {pipeline.name}
            </option>
          ))}
        </Select>
      </Field>
      {me.role === "manager" && (
        <OwnerSelect
          label="owner.filter"
          allLabel="owner.all"
          value={props.owner}
          onChange={props.onOwner}
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
    </div>
  );
};
