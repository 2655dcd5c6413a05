import { Checkbox, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useSession } from "../../app/session.js";
import { useI18n } from "../../i18n/i18n.js";

const useStyles = makeStyles({
  list: { display: "grid", gap: tokens.spacingVerticalXS, margin: 0, padding: 0 },
  item: { listStyleType: "none" },
});

/**
 * SPEC §7: managers come from the Dealflow.Manager app role; this list is the fallback for
 * tenants that do not assign app roles. Ids no longer among the users are kept, not dropped.
 */
export const ManagersSection = (props: {
  managerIds: string[];
  onChange: (managerIds: string[]) => void;
}) => {
  const { t } = useI18n();
  const { users, me, userNames } = useSession();
  const styles = useStyles();
  const chosen = new Set(props.managerIds);
  const known = new Set(users.map((user) => user.id));
  // A manager id whose user is gone (or the user list could not be read) stays visible, so it can be removed.
  const shown = [
    ...users.filter((user) => user.active || chosen.has(user.id)),
    ...props.managerIds
      .filter((id) => !known.has(id))
      .map((id) => ({
        id,
        name: userNames.get(id) ?? t("settings.managers.unknown", { id }),
        email: null,
        role: "seller" as const,
      })),
  ];

  const toggle = (id: string, on: boolean) =>
    props.onChange(on ? [...props.managerIds, id] : props.managerIds.filter((item) => item !== id));

  return (
    <>
      <Text as="p">{t("settings.managers.intro")}</Text>
      <ul className={styles.list} aria-label={t("settings.section.managers")}>
        {shown.map((user) => (
          <li key={user.id} className={styles.item}>
            <Checkbox
              checked={chosen.has(user.id)}
              // Taking oneself off the list could lock the tenant out of its settings.
              disabled={user.id === me.id && chosen.has(user.id)}
              label={
                (user.email
                  ? t("settings.managers.user", { name: user.name, email: user.email })
                  : user.name) +
                // Already a manager without the list: through the Dealflow.Manager app role.
                (user.role === "manager" && !chosen.has(user.id)
                  ? t("settings.managers.byRole")
                  : "")
              }
              onChange={(_event, data) => toggle(user.id, data.checked === true)}
            />
          </li>
        ))}
      </ul>
    </>
  );
};
