import { Link, TableCell, TableRow } from "@fluentui/react-components";
import type { MarketplaceApplication, Opportunity } from "../../api/api-types.js";
import { useSession } from "../../app/session.js";
import { formatDateTime } from "../../i18n/format.js";
import { useI18n } from "../../i18n/i18n.js";
import { formatMoney } from "../pipeline/stage-summary.js";
import { connectorFacts } from "./marketplace-clock.js";
import { contactDisplayName, refundText } from "./marketplace-text.js";
import { VisibilityCell } from "./VisibilityCell.js";

/** One marketplace opportunity: only what the API sent (a hidden client is already redacted). */
export const MarketplaceRow = (props: {
  opportunity: Opportunity;
  application: MarketplaceApplication;
  now: Date;
  rowIndex: number;
}) => {
  const { t, locale, timeZone } = useI18n();
  const { settings, userNames } = useSession();
  const { opportunity, application } = props;
  const meeting = application.meetingAt;
  const meetingTime = meeting ? formatDateTime(meeting, locale, timeZone) : null;
  return (
    <TableRow aria-rowindex={props.rowIndex} data-opportunity-id={opportunity.id}>
      <TableCell>
        <Link
          href={`#/opportunities/${encodeURIComponent(opportunity.id)}`}
          title={t("marketplace.list.open", { title: opportunity.title })}
        >
          {opportunity.title}
        </Link>
      </TableCell>
      <TableCell>{contactDisplayName(opportunity, t)}</TableCell>
      <TableCell>{connectorFacts(settings, application.connectorKey).name}</TableCell>
      <TableCell>
        <VisibilityCell application={application} now={props.now} />
      </TableCell>
      <TableCell>
        {meeting && meetingTime ? (
          <time dateTime={meeting}>
            {application.meetingHeld
              ? t("marketplace.meetingHeld", { time: meetingTime })
              : meetingTime}
          </time>
        ) : (
          t("marketplace.cell.noMeeting")
        )}
      </TableCell>
      <TableCell>
        {application.fee ? formatMoney(application.fee, locale) : t("marketplace.noFee")}
      </TableCell>
      <TableCell>{refundText(application, t) ?? t("marketplace.cell.noRefund")}</TableCell>
      <TableCell>{userNames.get(opportunity.ownerId) ?? ""}</TableCell>
    </TableRow>
  );
};
