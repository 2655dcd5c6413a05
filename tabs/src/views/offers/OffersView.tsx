import {
  Link,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import type { Offer, OffersQuery } from "../../api/routing-api.js";
import { useSession } from "../../app/session.js";
import { useI18n } from "../../i18n/i18n.js";
import { ViewHeader } from "../common/ViewHeader.js";
import { EmptyState, ViewState } from "../common/view-state.js";
import {
  type AnswerNotice,
  answerOffer,
  type OfferAnswer,
  offerTarget,
  offerTitle,
} from "./answer-offer.js";
import { DeclineOfferDialog } from "./DeclineOfferDialog.js";
import { OffersTable } from "./OffersTable.js";
import { OffersToolbar } from "./OffersToolbar.js";
import { useOffers } from "./use-offers.js";

const useStyles = makeStyles({
  intro: { color: tokens.colorNeutralForeground2, maxWidth: "60rem", margin: 0, flexBasis: "100%" },
  notice: { marginBottom: tokens.spacingVerticalS },
});

/**
 * SPEC §4.5: the offers waiting for the signed-in user's answer, each with its deadline; a
 * manager may switch to every offer of the team, by status, and answer any pending one. Every
 * answer, accepted or refused (another target was first, the offer expired), reloads the list.
 */
export const OffersView = () => {
  const { t } = useI18n();
  const { api, me } = useSession();
  const manager = me.role === "manager";
  const [query, setQuery] = useState<OffersQuery>({ scope: "mine" });
  const { items, truncated, error, reload } = useOffers(query);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [declining, setDeclining] = useState<Offer | null>(null);
  const [notice, setNotice] = useState<AnswerNotice | null>(null);
  const all = query.scope === "all";
  const styles = useStyles();

  // The API lets an offer's user or any manager answer it, while it is pending.
  const answerable = (offer: Offer) =>
    offer.status === "pending" && (offer.userId === me.id || manager);

  const answer = async (offer: Offer, verb: OfferAnswer) => {
    setBusyId(offer.id);
    setNotice(await answerOffer(api, offer, verb, t, me.id));
    await reload();
    setBusyId(null);
  };

  const onAnswer = (offer: Offer, verb: OfferAnswer) => {
    if (verb === "decline") setDeclining(offer);
    else void answer(offer, verb);
  };

  const changeQuery = (next: OffersQuery) => {
    setNotice(null);
    setQuery(next);
  };

  return (
    <section aria-labelledby="offers-title">
      <ViewHeader title={t("offers.title")} titleId="offers-title">
        <Text as="p" block size={200} className={styles.intro}>
          {all ? t("offers.intro.all") : t("offers.intro")}
        </Text>
        {manager && <OffersToolbar query={query} onQuery={changeQuery} />}
      </ViewHeader>
      {notice && (
        <MessageBar intent={notice.intent} role="status" className={styles.notice}>
          <MessageBarBody>
            {notice.text}
            {notice.open && (
              <>
                {" "}
                <Link href={`#/opportunities/${encodeURIComponent(notice.open.opportunityId)}`}>
                  {t("offers.open", { title: notice.open.title })}
                </Link>
              </>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      <ViewState
        loading={items === null}
        error={error}
        onRetry={() => void reload()}
        empty={items?.length === 0}
        emptyState={
          <EmptyState
            title={all ? t("offers.empty.all") : t("offers.empty")}
            hint={all ? t("offers.emptyHint.all") : t("offers.emptyHint")}
          />
        }
      >
        {truncated && items && (
          <Text role="status">
            {t(all ? "offers.truncated.all" : "offers.truncated", { count: items.length })}
          </Text>
        )}
        {items && items.length > 0 && (
          <OffersTable
            caption={t(all ? "offers.caption.all" : "offers.caption", { count: items.length })}
            items={items}
            linkTitles={manager}
            answerable={answerable}
            busyId={busyId}
            onAnswer={onAnswer}
          />
        )}
      </ViewState>
      {declining && (
        <DeclineOfferDialog
          title={offerTitle(declining, t)}
          onBehalfOf={declining.userId === me.id ? null : offerTarget(declining, t)}
          onCancel={() => setDeclining(null)}
          onConfirm={() => {
            setDeclining(null);
            void answer(declining, "decline");
          }}
        />
      )}
    </section>
  );
};
