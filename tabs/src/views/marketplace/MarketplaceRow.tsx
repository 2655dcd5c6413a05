import type {
  MarketplaceApplication,
  OpportunityListItem as Opportunity,
} from "@dealflow/contract";
import { Link, makeStyles, tokens } from "@fluentui/react-components";
import { useSession } from "../../app/session.js";
import { formatAmount, formatDateTime } from "../../i18n/format.js";
import { useI18n } from "../../i18n/i18n.js";
import type { ListColumn } from "../common/list/ResponsiveList.js";
import { TruncatedText } from "../common/TruncatedText.js";
import { connectorName } from "./marketplace-clock.js";
import { contactDisplayName, refundText } from "./marketplace-text.js";
import { VisibilityCell } from "./VisibilityCell.js";

export type MarketplaceItem = { opportunity: Opportunity; application: MarketplaceApplication };

export const useMarketplaceStyles = makeStyles({
  title: {
    display: "block",
    minWidth: 0,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    fontWeight: tokens.fontWeightSemibold,
  },
  small: { fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
});

/** What a row or card says of a marketplace opportunity: only what the API sent (redacted). */
export const useMarketplaceCells = (now: Date) => {
  const { t, locale, timeZone } = useI18n();
  const { settings, userNames } = useSession();
  const styles = useMarketplaceStyles();
  const title = ({ opportunity }: MarketplaceItem) => (
    <Link
      href={`#/opportunities/${encodeURIComponent(opportunity.id)}`}
      title={t("marketplace.list.open", { title: opportunity.title })}
      className={styles.title}
    >
      {opportunity.title}
    </Link>
  );
  const meeting = ({ application }: MarketplaceItem) => {
    const at = application.meetingAt;
    if (!at) return t("marketplace.cell.noMeeting");
    const time = formatDateTime(at, locale, timeZone);
    return (
      <time dateTime={at}>
        {application.meetingHeld ? t("marketplace.meetingHeld", { time }) : time}
      </time>
    );
  };
  const columns: ListColumn<MarketplaceItem>[] = [
    {
      id: "opportunity",
      header: t("marketplace.column.opportunity"),
      priority: 1,
      minWidth: 170,
      grow: 2,
      render: title,
    },
    {
      id: "client",
      header: t("marketplace.column.client"),
      priority: 2,
      minWidth: 130,
      render: (item) => <TruncatedText text={contactDisplayName(item.opportunity, t)} />,
    },
    {
      id: "connector",
      header: t("marketplace.column.connector"),
      priority: 4,
      minWidth: 100,
      grow: 0,
      render: (item) => (
        <TruncatedText text={connectorName(settings, item.application.connectorKey)} />
      ),
    },
    {
      id: "visibility",
      header: t("marketplace.column.visibility"),
      priority: 1,
      minWidth: 200,
      grow: 2,
      render: (item) => (
        <span className={styles.small}>
          <VisibilityCell application={item.application} now={now} />
        </span>
      ),
    },
    {
      id: "meeting",
      header: t("marketplace.column.meeting"),
      priority: 3,
      minWidth: 130,
      render: (item) => <span className={styles.small}>{meeting(item)}</span>,
    },
    {
      id: "fee",
      header: t("marketplace.column.fee"),
      priority: 4,
      minWidth: 80,
      grow: 0,
      align: "end",
      render: ({ application }) =>
        application.fee ? formatAmount(application.fee, locale) : t("marketplace.noFee"),
    },
    {
      id: "refund",
      header: t("marketplace.column.refund"),
      priority: 3,
      minWidth: 140,
      render: ({ application }) => (
        <span className={styles.small}>
          {refundText(application, t) ?? t("marketplace.cell.noRefund")}
        </span>
      ),
    },
    {
      id: "owner",
      header: t("marketplace.column.owner"),
      priority: 5,
      minWidth: 110,
      render: ({ opportunity }) => (
        <TruncatedText
          text={opportunity.ownerId === null ? "" : (userNames.get(opportunity.ownerId) ?? "")}
        />
      ),
    },
  ];
  return { columns, title, meeting };
};
