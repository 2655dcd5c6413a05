import type { ContactOpportunity } from "@dealflow/contract";
import { Link, makeStyles, Text, tokens } from "@fluentui/react-components";
import { useSession } from "../../app/session.js";
import { useI18n } from "../../i18n/i18n.js";
import { opportunityHref } from "../opportunities/cells.js";

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: 0,
    listStyle: "none",
    display: "grid",
    gap: tokens.spacingVerticalXS,
  },
  // A link alone on its line keeps a 24 px target (WCAG 2.5.8); a long title wraps.
  item: { minHeight: "24px", overflowWrap: "anywhere" },
  stage: { color: tokens.colorNeutralForeground3 },
});

/** The contact's opportunities the user may see, each a link to its detail. */
export const ContactOpportunities = (props: { opportunities: readonly ContactOpportunity[] }) => {
  const { t } = useI18n();
  const { settings } = useSession();
  const styles = useStyles();
  // The answer names the stage by id; any of the tenant's pipelines may hold it.
  const stageName = (id: string) =>
    settings.pipelines.flatMap((pipeline) => pipeline.stages).find((stage) => stage.id === id)
      ?.name ?? id;
  return (
    <section aria-labelledby="contact-opportunities">
      <Text as="h3" weight="semibold" id="contact-opportunities">
        {t("contacts.opportunities")}
      </Text>
      {props.opportunities.length === 0 ? (
        <Text as="p">{t("contacts.noOpportunities")}</Text>
      ) : (
        <ul className={styles.list}>
          {props.opportunities.map((opportunity) => (
            <li key={opportunity.id} className={styles.item}>
              <Link href={opportunityHref(opportunity.id)}>{opportunity.title}</Link>{" "}
              <Text size={200} className={styles.stage}>
                · {stageName(opportunity.stage)}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
};
