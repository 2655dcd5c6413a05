import { Link, makeStyles, tokens } from "@fluentui/react-components";
import type { DiscardedContact } from "../../../api/reports-api.js";
import { formatDateTime } from "../../../i18n/format.js";
import { useI18n } from "../../../i18n/i18n.js";
import { type ListColumn, ResponsiveList } from "../../common/list/ResponsiveList.js";
import { TruncatedText } from "../../common/TruncatedText.js";
import { contactNameText } from "../../marketplace/marketplace-text.js";
import { useReportFormat } from "../use-report-format.js";

const ROW_HEIGHT = 44;
const CARD_HEIGHT = 110;

const useStyles = makeStyles({
  name: {
    display: "block",
    minWidth: 0,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    fontWeight: tokens.fontWeightSemibold,
  },
  card: {
    display: "grid",
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  muted: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  small: { fontSize: tokens.fontSizeBase200 },
});

/** The discarded contacts, newest first; each contact links to its opportunity. */
export const DiscardedTable = (props: { caption: string; items: DiscardedContact[] }) => {
  const { t, locale, timeZone } = useI18n();
  const format = useReportFormat();
  const styles = useStyles();
  // The report's rows say nothing of visibility: the server's placeholder name tells.
  const nameOf = (item: DiscardedContact) => contactNameText(item.contact.name, t);
  const reasonOf = (item: DiscardedContact) => {
    const reason = format.reasonLabel(item.reason);
    return item.reasonText ? `${reason}: ${item.reasonText}` : reason;
  };
  const ownerOf = (item: DiscardedContact) =>
    item.ownerId ? format.ownerName(item.ownerId) : t("reports.unassigned");
  const when = (item: DiscardedContact) => (
    <time dateTime={item.discardedAt} className={styles.small}>
      {formatDateTime(item.discardedAt, locale, timeZone)}
    </time>
  );
  const contact = (item: DiscardedContact) => (
    <Link
      href={`#/opportunities/${encodeURIComponent(item.opportunityId)}`}
      title={t("detail.open", { name: nameOf(item) })}
      className={styles.name}
    >
      {nameOf(item)}
    </Link>
  );
  const text = (value: (item: DiscardedContact) => string | null) => (item: DiscardedContact) => (
    <TruncatedText text={value(item) ?? ""} />
  );
  const columns: ListColumn<DiscardedContact>[] = [
    {
      id: "at",
      header: t("reports.column.discardedAt"),
      priority: 2,
      minWidth: 150,
      grow: 0,
      render: when,
    },
    {
      id: "contact",
      header: t("column.contact"),
      priority: 1,
      minWidth: 150,
      grow: 1.5,
      render: contact,
    },
    {
      id: "company",
      header: t("column.company"),
      priority: 3,
      minWidth: 130,
      render: text((i) => i.contact.company),
    },
    {
      id: "email",
      header: t("column.email"),
      priority: 4,
      minWidth: 170,
      render: text((i) => i.contact.email),
    },
    {
      id: "phone",
      header: t("column.phone"),
      priority: 5,
      minWidth: 130,
      render: text((i) => i.contact.phone),
    },
    {
      id: "source",
      header: t("column.source"),
      priority: 3,
      minWidth: 110,
      render: text((i) => format.sourceLabel(i.source)),
    },
    {
      id: "campaign",
      header: t("column.campaign"),
      priority: 5,
      minWidth: 110,
      render: text((i) => i.campaign),
    },
    {
      id: "reason",
      header: t("field.reason"),
      priority: 1,
      minWidth: 150,
      grow: 1.5,
      render: text(reasonOf),
    },
    { id: "owner", header: t("column.owner"), priority: 4, minWidth: 110, render: text(ownerOf) },
  ];
  return (
    <ResponsiveList
      caption={props.caption}
      items={props.items}
      itemKey={(item) => item.opportunityId}
      columns={columns}
      rowHeight={ROW_HEIGHT}
      rowAttributes={(item) => ({ "data-opportunity-id": item.opportunityId })}
      maxHeight="70vh"
      cardHeight={CARD_HEIGHT}
      renderCard={(item) => (
        <article className={styles.card} data-opportunity-id={item.opportunityId}>
          {contact(item)}
          <span className={styles.muted}>
            {[item.contact.company, format.sourceLabel(item.source)].filter(Boolean).join(" · ")}
          </span>
          <span className={styles.small}>{reasonOf(item)}</span>
          <span className={styles.muted}>
            {when(item)} · {ownerOf(item)}
          </span>
        </article>
      )}
    />
  );
};
