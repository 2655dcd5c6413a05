import { Field, Select } from "@fluentui/react-components";
import type { Team } from "../../../api/settings-api.js";
import { useI18n } from "../../../i18n/i18n.js";

/**
 * A team pipeline's team, chosen by name among the teams Dealflow's bot is in. A saved id of
 * a team it is not in (removed since, or typed before) stays shown and chosen until changed.
 */
export const TeamChoice = (props: {
  teamId: string | null;
  /** The teams the bot is in; null while loading. */
  teams: Team[] | null;
  teamsError: string | null;
  validationMessage: string | undefined;
  onChange: (teamId: string | null) => void;
}) => {
  const { t } = useI18n();
  const { teams, teamsError: error } = props;
  const known = teams?.some((team) => team.id === props.teamId) ?? false;
  const hint = error
    ? t("settings.pipeline.teamsUnavailable", { error })
    : teams?.length === 0
      ? t("settings.pipeline.noTeams")
      : t("settings.pipeline.teamIdHint");
  return (
    <Field
      label={t("settings.pipeline.teamId")}
      hint={hint}
      required
      validationMessage={props.validationMessage}
    >
      <Select
        value={props.teamId ?? ""}
        onChange={(_event, data) => props.onChange(data.value === "" ? null : data.value)}
      >
        <option value="">{t("settings.pipeline.chooseTeam")}</option>
        {(teams ?? []).map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
        {props.teamId !== null && !known && (
          <option value={props.teamId}>
            {t("settings.pipeline.unknownTeam", { id: props.teamId })}
          </option>
        )}
      </Select>
    </Field>
  );
};
