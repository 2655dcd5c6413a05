import type { Pipeline } from "@dealflow/contract";
import {
  Button,
  Field,
  Input,
  makeStyles,
  Select,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import type { Team } from "../../../api/settings-api.js";
import { useI18n } from "../../../i18n/i18n.js";
import { idFromLabel } from "../id-from-label.js";
import { TeamChoice } from "../teams/TeamChoice.js";
import { useTeams } from "../teams/use-teams.js";
import type { FieldErrors } from "../validate-settings.js";
import { StagesTable } from "./StagesTable.js";

const useStyles = makeStyles({
  pipeline: {
    display: "grid",
    gap: tokens.spacingVerticalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL,
  },
  fields: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(14rem, 1fr))",
    gap: tokens.spacingHorizontalL,
  },
  add: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  error: { color: tokens.colorPaletteRedForeground1 },
});

/** One text input and an Add button, as a small form so Enter adds too. */
const AddByName = (props: { label: string; addLabel: string; onAdd: (name: string) => void }) => {
  const { t } = useI18n();
  const styles = useStyles();
  const [name, setName] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim() === "") return;
    props.onAdd(name.trim());
    setName("");
  };
  return (
    <form className={styles.add} onSubmit={submit}>
      <Field label={props.label}>
        <Input value={name} maxLength={80} onChange={(_event, data) => setName(data.value)} />
      </Field>
      <Button type="submit" disabled={name.trim() === ""} aria-label={props.addLabel}>
        {t("settings.add")}
      </Button>
    </form>
  );
};

const PipelineEditor = (props: {
  pipeline: Pipeline;
  index: number;
  errors: FieldErrors;
  canRemove: boolean;
  teams: { teams: Team[] | null; error: string | null };
  onChange: (pipeline: Pipeline) => void;
  onRemove: () => void;
}) => {
  const { t } = useI18n();
  const styles = useStyles();
  const { pipeline } = props;
  const at = `pipelines.${props.index}`;
  const headingId = `pipeline-${pipeline.id}`;
  const stagesError = props.errors.get(`${at}.stages`);
  const change = (patch: Partial<Pipeline>) => props.onChange({ ...pipeline, ...patch });

  return (
    <section className={styles.pipeline} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId}>
        {pipeline.name || pipeline.id}
      </Subtitle2>
      <div className={styles.fields}>
        <Field
          label={t("settings.pipeline.name")}
          hint={t("settings.idIs", { id: pipeline.id })}
          validationMessage={props.errors.get(`${at}.name`)}
        >
          <Input
            value={pipeline.name}
            maxLength={80}
            onChange={(_event, data) => change({ name: data.value })}
          />
        </Field>
        <Field label={t("settings.pipeline.visibility")}>
          <Select
            value={pipeline.visibility}
            onChange={(_event, data) =>
              change({ visibility: data.value === "team" ? "team" : "owner" })
            }
          >
            <option value="owner">{t("settings.visibility.owner")}</option>
            <option value="team">{t("settings.visibility.team")}</option>
          </Select>
        </Field>
        {pipeline.visibility === "team" && (
          <TeamChoice
            teamId={pipeline.teamId}
            teams={props.teams.teams}
            teamsError={props.teams.error}
            validationMessage={props.errors.get(`${at}.teamId`)}
            onChange={(teamId) => change({ teamId })}
          />
        )}
      </div>
      {stagesError && (
        <p role="alert" className={styles.error}>
          {stagesError}
        </p>
      )}
      <StagesTable
        pipelineName={pipeline.name || pipeline.id}
        at={at}
        stages={pipeline.stages}
        errors={props.errors}
        onChange={(stages) => change({ stages })}
      />
      <AddByName
        label={t("settings.stage.new", { name: pipeline.name || pipeline.id })}
        addLabel={t("settings.stage.add", { name: pipeline.name || pipeline.id })}
        onAdd={(name) =>
          change({
            stages: [
              ...pipeline.stages,
              {
                id: idFromLabel(
                  name,
                  pipeline.stages.map((stage) => stage.id),
                ),
                name,
                role: null,
              },
            ],
          })
        }
      />
      <div>
        <Button disabled={!props.canRemove} onClick={props.onRemove}>
          {t("settings.pipeline.remove", { name: pipeline.name || pipeline.id })}
        </Button>
      </div>
    </section>
  );
};

/** The tenant's pipelines (the first is the default), each with its stages and who sees it. */
export const PipelinesSection = (props: {
  pipelines: Pipeline[];
  errors: FieldErrors;
  onChange: (pipelines: Pipeline[]) => void;
}) => {
  const { t } = useI18n();
  const { pipelines } = props;
  // Read once for every team pipeline's choice.
  const teams = useTeams();
  // A new pipeline starts with the three stages every pipeline needs.
  const addPipeline = (name: string) => {
    const id = idFromLabel(
      name,
      pipelines.map((pipeline) => pipeline.id),
    );
    const stages = (["new", "won", "lost"] as const).map((role) => ({
      id: role,
      name: t(`settings.role.${role}`),
      role,
    }));
    props.onChange([...pipelines, { id, name, stages, visibility: "owner", teamId: null }]);
  };
  return (
    <>
      {pipelines.map((pipeline, index) => (
        <PipelineEditor
          key={pipeline.id}
          pipeline={pipeline}
          index={index}
          errors={props.errors}
          canRemove={pipelines.length > 1}
          teams={teams}
          onChange={(next) =>
            props.onChange(pipelines.map((item, at) => (at === index ? next : item)))
          }
          onRemove={() => props.onChange(pipelines.filter((_item, at) => at !== index))}
        />
      ))}
      <AddByName
        label={t("settings.pipeline.new")}
        addLabel={t("settings.pipeline.add")}
        onAdd={addPipeline}
      />
    </>
  );
};
