import type { OpportunityListItem as Opportunity } from "@dealflow/contract";
import { Button, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import { useState } from "react";
import { describeApiError } from "../../../api/api-error.js";
import type { RoutingRequest } from "../../../api/routing-api.js";
import { useSession } from "../../../app/session.js";
import { useI18n } from "../../../i18n/i18n.js";
import { useNow } from "../../common/use-now.js";
import { OfferExpiry, OfferStatus } from "../../offers/OfferTiming.js";
import { Section, useDetailStyles } from "../detail-layout.js";
import { RouteToDialog } from "./RouteToDialog.js";
import { useOpportunityOffers } from "./use-opportunity-offers.js";

type Notice = { intent: "success" | "warning"; text: string };

/**
 * SPEC §4.5, managers only: the opportunity's offers and the two ways to send them —
 * automatically to the best-ranked matching targets, or to one target picked by hand.
 */
export const RoutingSection = (props: {
  opportunity: Opportunity;
  onRouted: () => Promise<void>;
}) => {
  const { t } = useI18n();
  const { api } = useSession();
  const styles = useDetailStyles();
  const now = useNow();
  const { opportunity } = props;
  const { offers, error, recordSent } = useOpportunityOffers(opportunity.id);
  const [busy, setBusy] = useState(false);
  const [picking, setPicking] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const closed = opportunity.status !== "open";

  /** Throws the API's refusal: the dialog shows it; the automatic button's caller too. */
  const route = async (request: RoutingRequest) => {
    const sent = await api.routeOpportunity(opportunity.id, request);
    await recordSent(sent);
    setNotice(
      sent.length > 0
        ? { intent: "success", text: t("offers.routing.sent", { count: sent.length }) }
        : { intent: "warning", text: t("offers.routing.noneSent") },
    );
    await props.onRouted();
  };

  const routeAutomatically = async () => {
    setBusy(true);
    setNotice(null);
    try {
      await route({ mode: "automatic" });
    } catch (reason) {
      setNotice({ intent: "warning", text: describeApiError(reason) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section id="detail-routing" heading={t("offers.routing.heading")}>
      <Text>{closed ? t("offers.routing.closed") : t("offers.routing.intro")}</Text>
      <div className={styles.actions}>
        <Button disabled={busy || closed} onClick={() => void routeAutomatically()}>
          {t("offers.routing.automatic")}
        </Button>
        <Button disabled={busy || closed} onClick={() => setPicking(true)}>
          {t("offers.routing.manual")}
        </Button>
      </div>
      {notice && (
        <MessageBar intent={notice.intent} role={notice.intent === "warning" ? "alert" : "status"}>
          <MessageBarBody style={{ whiteSpace: "pre-line" }}>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {error && <div role="alert">{error}</div>}
      {offers === null && !error && <Spinner size="tiny" label={t("app.loading")} />}
      {offers?.length === 0 && <Text>{t("offers.routing.none")}</Text>}
      {offers && offers.length > 0 && (
        <ul className={styles.plainList} aria-label={t("offers.routing.caption")}>
          {offers.map((offer) => (
            <li key={offer.id} className={styles.item} data-offer-id={offer.id}>
              <div className={styles.grow}>
                <Text weight="semibold">{offer.targetName ?? t("offers.unknownTarget")}</Text>
                <span>
                  <OfferStatus offer={offer} /> · {t(`offers.mode.${offer.mode}`)}
                </span>
                {offer.status === "pending" && <OfferExpiry offer={offer} now={now} />}
              </div>
            </li>
          ))}
        </ul>
      )}
      {picking && (
        <RouteToDialog
          opportunityTitle={opportunity.title}
          onCancel={() => setPicking(false)}
          onSubmit={async (targetId) => {
            await route({ mode: "manual", targetId });
            setPicking(false);
          }}
        />
      )}
    </Section>
  );
};
