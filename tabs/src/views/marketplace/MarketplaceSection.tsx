import type { Activity, MarketplaceApplication } from "@dealflow/contract";
import { Link } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useSession } from "../../app/session.js";
import type { MessageKey } from "../../i18n/catalog-en.js";
import { formatAmount, formatDateTime } from "../../i18n/format.js";
import { useI18n } from "../../i18n/i18n.js";
import { useNow } from "../common/use-now.js";
import { Section, useDetailStyles } from "../detail/detail-layout.js";
import { type MarketplaceOutcome, MarketplaceOutcomeActions } from "./MarketplaceOutcomeActions.js";
import { connectorName } from "./marketplace-clock.js";
import { refundText } from "./marketplace-text.js";
import { VisibilityState } from "./VisibilityState.js";

/**
 * SPEC §4.4: where the opportunity came from and what the client's visibility is. Shows only
 * what the API sent: while the client is hidden the server has already removed their identity
 * and the meeting link, and nothing here hints at them.
 */
export const MarketplaceSection = (props: {
  application: MarketplaceApplication;
  activities: readonly Activity[];
  /** Present for whoever may record the client's reaction by hand (owner, manager). */
  outcome?: { busy: boolean; onOutcome: (outcome: MarketplaceOutcome) => Promise<unknown> };
}) => {
  const { t, locale, timeZone } = useI18n();
  const { settings } = useSession();
  const styles = useDetailStyles();
  const now = useNow();
  const { application } = props;
  const when = (iso: string) => formatDateTime(iso, locale, timeZone);
  const refund = refundText(application, t);

  const meeting = application.meetingAt;
  // A link from a marketplace's webhook: only web links become clickable.
  const meetingUrl = application.meetingUrl?.match(/^https?:\/\//i) ? application.meetingUrl : null;
  return (
    <Section id="detail-marketplace" heading={t("marketplace.heading")}>
      <dl className={styles.facts}>
        <Fact label="marketplace.connector">
          {connectorName(settings, application.connectorKey)}
        </Fact>
        <Fact label="marketplace.appliedAt">
          <time dateTime={application.appliedAt}>{when(application.appliedAt)}</time>
        </Fact>
        <Fact label="marketplace.visibility">
          <VisibilityState application={application} activities={props.activities} now={now} />
        </Fact>
        {meeting && (
          <Fact label="marketplace.meeting">
            <time dateTime={meeting}>
              {application.meetingHeld
                ? t("marketplace.meetingHeld", { time: when(meeting) })
                : when(meeting)}
            </time>
            {meetingUrl && (
              <>
                {" · "}
                <Link href={meetingUrl} target="_blank" rel="noopener noreferrer">
                  {t("marketplace.meetingLink")}
                </Link>
              </>
            )}
          </Fact>
        )}
        <Fact label="marketplace.fee">
          {application.fee ? formatAmount(application.fee, locale) : t("marketplace.noFee")}
        </Fact>
        {refund && <Fact label="marketplace.refund">{refund}</Fact>}
        {application.brief && (
          <Fact label="marketplace.brief">
            <span style={{ whiteSpace: "pre-wrap" }}>{application.brief}</span>
          </Fact>
        )}
      </dl>
      {props.outcome && <MarketplaceOutcomeActions application={application} {...props.outcome} />}
    </Section>
  );
};

const Fact = (props: { label: MessageKey; children: ReactNode }) => {
  const { t } = useI18n();
  return (
    <div style={{ display: "contents" }}>
      <dt>{t(props.label)}</dt>
      <dd style={{ margin: 0 }}>{props.children}</dd>
    </div>
  );
};
