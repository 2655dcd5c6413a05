import { ApiError, describeApiError } from "../../api/api-error.js";
import type { DealflowApi } from "../../api/dealflow-api.js";
import type { Offer } from "../../api/routing-api.js";
import type { MessageKey } from "../../i18n/catalog-en.js";
import type { Translate } from "../../i18n/i18n.js";

export type OfferAnswer = "accept" | "decline";

export type AnswerNotice = {
  intent: "success" | "warning";
  text: string;
  /** Set after an acceptance: the opportunity is the user's now and its detail opens. */
  open?: { opportunityId: string; title: string };
};

/** SPEC §4.5 refusals, as docs/api.md "Routing and offers" names them. */
const REFUSALS: Record<number, { own: MessageKey; onBehalf: MessageKey }> = {
  // Another target's acceptance withdrew this offer.
  412: { own: "offers.error.taken", onBehalf: "offers.error.takenFor" },
  // Expired, already declined, or the opportunity closed.
  409: { own: "offers.error.closed", onBehalf: "offers.error.closed" },
  // No longer addressed to this user (or gone).
  404: { own: "offers.error.gone", onBehalf: "offers.error.goneFor" },
};

export const offerTitle = (offer: Pick<Offer, "opportunityTitle">, t: Translate): string =>
  offer.opportunityTitle ?? t("offers.untitled");

export const offerTarget = (offer: Pick<Offer, "targetName">, t: Translate): string =>
  offer.targetName ?? t("offers.unknownTarget");

/**
 * Answers one offer; a refusal becomes words the user can act on, never a thrown error. A
 * manager may answer another user's offer (SPEC §4.5): the words then name the target, whose
 * user becomes the owner on acceptance.
 */
export const answerOffer = async (
  api: Pick<DealflowApi, "acceptOffer" | "declineOffer">,
  offer: Offer,
  answer: OfferAnswer,
  t: Translate,
  meId: string,
): Promise<AnswerNotice> => {
  const title = offerTitle(offer, t);
  const target = offerTarget(offer, t);
  const onBehalf = offer.userId !== meId;
  try {
    if (answer === "accept") {
      await api.acceptOffer(offer.id);
      return {
        intent: "success",
        text: t(onBehalf ? "offers.acceptedFor" : "offers.accepted", { title, target }),
        open: { opportunityId: offer.opportunityId, title },
      };
    }
    await api.declineOffer(offer.id);
    return {
      intent: "success",
      text: t(onBehalf ? "offers.declinedFor" : "offers.declined", { title, target }),
    };
  } catch (error) {
    const refusal = error instanceof ApiError ? REFUSALS[error.status] : undefined;
    if (refusal === undefined) return { intent: "warning", text: describeApiError(error) };
    return {
      intent: "warning",
      text: t(onBehalf ? refusal.onBehalf : refusal.own, { title, target }),
    };
  }
};
