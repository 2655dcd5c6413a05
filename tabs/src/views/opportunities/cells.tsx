import type { OpportunityListItem as Opportunity } from "@dealflow/contract";
import { Link, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { LOCALE_TAGS } from "../../i18n/format.js";
import { type Locale, useI18n } from "../../i18n/i18n.js";
import { TruncatedText } from "../common/TruncatedText.js";
import { MarketplaceBadge } from "../marketplace/MarketplaceBadge.js";
import { badgeText, contactDisplayName } from "../marketplace/marketplace-text.js";

/** Cells the opportunity lists share: two short lines each, cut with an ellipsis. */
export const useCellStyles = makeStyles({
  stack: { display: "grid", minWidth: 0, rowGap: "2px" },
  line: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  name: {
    display: "block",
    minWidth: 0,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    fontWeight: tokens.fontWeightSemibold,
  },
  muted: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  // The state in words stays one line: cut with an ellipsis in a narrow column, never wrapped
  // inside the badge's fixed height (where its two lines were drawn over each other).
  badge: {
    flex: "0 1 auto",
    minWidth: 0,
    maxWidth: "100%",
    display: "flex",
    "& .fui-Badge": {
      display: "inline-block",
      maxWidth: "100%",
      overflow: "hidden",
      textOverflow: "ellipsis",
      whiteSpace: "nowrap",
      lineHeight: "18px",
    },
  },
  overdue: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
  number: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
});

export const opportunityHref = (id: string) => `#/opportunities/${encodeURIComponent(id)}`;

/** Who: the contact's name (the link to the detail) over the marketplace state and company. */
export const ContactCell = (props: { opportunity: Opportunity; now: Date; nameId?: string }) => {
  const { t, locale } = useI18n();
  const styles = useCellStyles();
  const { opportunity } = props;
  const name = contactDisplayName(opportunity, t);
  const company = opportunity.contact.company;
  return (
    <div className={styles.stack}>
      <Link
        id={props.nameId}
        href={opportunityHref(opportunity.id)}
        title={t("detail.open", { name })}
        className={styles.name}
      >
        {name}
      </Link>
      {(opportunity.marketplace || company) && (
        <div className={styles.line}>
          {opportunity.marketplace && (
            // The badge may be cut in a narrow column: its words in full on hover.
            <span
              className={styles.badge}
              title={badgeText(opportunity.marketplace, { t, locale, now: props.now })}
            >
              <MarketplaceBadge opportunity={opportunity} now={props.now} />
            </span>
          )}
          {company && <TruncatedText text={company} className={styles.muted} />}
        </div>
      )}
    </div>
  );
};

/** Two facts, one above the other (email over phone, source over campaign). */
export const TwoLines = (props: { first: string | null; second: string | null }) => {
  const styles = useCellStyles();
  return (
    <div className={styles.stack}>
      {props.first && <TruncatedText text={props.first} />}
      {props.second && <TruncatedText text={props.second} className={styles.muted} />}
    </div>
  );
};

/** "Dec 8, 08:01" (the year only when it is not this year's): a due time that fits a cell. */
const formatDue = (iso: string, now: Date, locale: Locale, timeZone: string | undefined) => {
  const due = new Date(iso);
  const sameYear = due.getUTCFullYear() === now.getUTCFullYear();
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    month: "short",
    day: "numeric",
    ...(sameYear ? {} : { year: "numeric" }),
    hour: "numeric",
    minute: "2-digit",
    timeZone,
  }).format(due);
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "Second contact: Raúl Jiménez" on Raúl's row says Raúl twice: the row keeps "Second contact". */
const withoutContactName = (title: string, name: string) =>
  title.replace(new RegExp(`\\s*[:·-]\\s*${escapeRegExp(name)}$`, "u"), "") || title;

/** The next step: the owner's next open task and when it is due (red once overdue). */
export const NextTaskCell = (props: { opportunity: Opportunity; now: Date }) => {
  const { t, locale, timeZone } = useI18n();
  const styles = useCellStyles();
  const task = props.opportunity.nextTask;
  if (!task) return <TruncatedText text={t("list.noTask")} className={styles.muted} />;
  const time = formatDue(task.dueAt, props.now, locale, timeZone);
  const title = withoutContactName(task.title, contactDisplayName(props.opportunity, t));
  const overdue = Date.parse(task.dueAt) < props.now.getTime();
  return (
    <div className={styles.stack}>
      <TruncatedText text={title || t(`taskKind.${task.kind}`)} />
      <time dateTime={task.dueAt} className={mergeClasses(styles.stack)}>
        <TruncatedText
          text={overdue ? t("list.overdue", { time }) : t("list.due", { time })}
          className={overdue ? styles.overdue : styles.muted}
        />
      </time>
    </div>
  );
};
