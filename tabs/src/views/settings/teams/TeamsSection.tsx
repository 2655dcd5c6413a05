import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Select,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { type FormEvent, useState } from "react";
import { describeApiError } from "../../../api/api-error.js";
import type { Team, TeamMemberSummary } from "../../../api/settings-api.js";
import { useSession } from "../../../app/session.js";
import { useI18n } from "../../../i18n/i18n.js";
import { EmptyState, ErrorState, ListSkeleton } from "../../common/view-state.js";
import type { Notice } from "../use-settings-editor.js";
import { useTeams } from "./use-teams.js";

const useStyles = makeStyles({
  team: {
    display: "grid",
    gap: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
  },
  list: { display: "grid", gap: tokens.spacingVerticalXS, margin: 0, padding: 0 },
  member: {
    listStyleType: "none",
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  who: { display: "grid", minWidth: 0 },
  name: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  reason: { color: tokens.colorNeutralForeground2 },
  add: {
    display: "flex",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
  },
});

const displayName = (member: TeamMemberSummary) => member.name ?? member.email ?? member.userId;

const TeamMembers = (props: {
  team: Team;
  busy: boolean;
  onAdd: (userId: string) => void;
  onRemove: (member: TeamMemberSummary) => void;
}) => {
  const { t } = useI18n();
  const styles = useStyles();
  const { users } = useSession();
  const [chosen, setChosen] = useState("");
  const { team } = props;
  const headingId = `team-${team.id}`;
  const inTeam = new Set(team.members.map((member) => member.userId));
  const candidates = users.filter((user) => user.active && !inTeam.has(user.id));
  const reasons = (member: TeamMemberSummary) =>
    [
      member.fromTeams ? t("teams.member.fromTeams") : null,
      member.addedByManager ? t("teams.member.byManager") : null,
      member.isUser ? null : t("teams.member.notSignedIn"),
    ]
      .filter((reason) => reason !== null)
      .join(" · ");
  const add = (event: FormEvent) => {
    event.preventDefault();
    if (chosen === "") return;
    props.onAdd(chosen);
    setChosen("");
  };

  return (
    <section className={styles.team} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId}>
        {team.name}
      </Subtitle2>
      {team.members.length === 0 ? (
        <Text>{t("teams.noMembers")}</Text>
      ) : (
        <ul className={styles.list} aria-label={t("teams.members", { team: team.name })}>
          {team.members.map((member) => (
            <li key={member.userId} className={styles.member}>
              <span className={styles.who}>
                <Text className={styles.name} title={member.email ?? undefined}>
                  {displayName(member)}
                </Text>
                <Caption1 className={styles.reason}>{reasons(member)}</Caption1>
              </span>
              <Button
                disabled={props.busy}
                aria-label={t("teams.remove", { name: displayName(member), team: team.name })}
                onClick={() => props.onRemove(member)}
              >
                {t("settings.remove")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form className={styles.add} onSubmit={add}>
        <Field label={t("teams.add.person", { team: team.name })}>
          <Select value={chosen} onChange={(_event, data) => setChosen(data.value)}>
            <option value="">{t("teams.add.choose")}</option>
            {candidates.map((user) => (
              <option key={user.id} value={user.id}>
                {user.name}
              </option>
            ))}
          </Select>
        </Field>
        <Button type="submit" disabled={props.busy || chosen === ""}>
          {t("teams.add.button", { team: team.name })}
        </Button>
      </form>
    </section>
  );
};

/**
 * SPEC §7: the teams Dealflow's bot is in and who is in them, as the bot read them from
 * Teams; a manager adds or removes someone Teams does not list. Writes apply at once (they
 * are not part of the settings document the Save button writes).
 */
export const TeamsSection = () => {
  const { t } = useI18n();
  const { api, userNames } = useSession();
  const { teams, error, load, replace } = useTeams();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  const write = async (run: () => Promise<Team>, success: (team: Team) => string) => {
    setBusy(true);
    try {
      const team = await run();
      replace(team);
      setNotice({ intent: "success", text: success(team) });
    } catch (reason) {
      setNotice({ intent: "error", text: describeApiError(reason) });
      await load();
    } finally {
      setBusy(false);
    }
  };

  if (error && teams === null) return <ErrorState message={error} onRetry={() => void load()} />;
  if (teams === null) return <ListSkeleton rows={3} />;
  return (
    <>
      <Text as="p">{t("teams.intro")}</Text>
      {notice && (
        <MessageBar intent={notice.intent} role={notice.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {teams.length === 0 && <EmptyState title={t("teams.none")} />}
      {teams.map((team) => (
        <TeamMembers
          key={team.id}
          team={team}
          busy={busy}
          onAdd={(userId) =>
            void write(
              () => api.addTeamMember(team.id, userId),
              (saved) =>
                t("teams.added", { name: userNames.get(userId) ?? userId, team: saved.name }),
            )
          }
          onRemove={(member) =>
            void write(
              () => api.removeTeamMember(team.id, member.userId),
              (saved) =>
                t(member.fromTeams ? "teams.removedStillInTeams" : "teams.removed", {
                  name: displayName(member),
                  team: saved.name,
                }),
            )
          }
        />
      ))}
    </>
  );
};
