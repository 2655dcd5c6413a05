import type { Offer as OfferAnswer } from "@dealflow/contract";
import { type Offer, type Opportunity, redactHiddenText } from "@dealflow/core";

/** SPEC §4.4: a title defaulted to a hidden client's name or company must not name them. */
export const offerTitleOf = (opportunity: Opportunity): string =>
  redactHiddenText(opportunity.title, opportunity);

/** The contract's offer, from the stored one (its criteria stay on the server). */
export const offerResponse = (
  offer: Offer,
  names: { opportunityTitle?: string | null; targetName?: string | null } = {},
): OfferAnswer => ({
  id: offer.id,
  opportunityId: offer.opportunityId,
  opportunityTitle: names.opportunityTitle ?? null,
  targetId: offer.targetId,
  targetName: names.targetName ?? null,
  userId: offer.userId,
  mode: offer.mode,
  status: offer.status,
  sentAt: offer.sentAt,
  expiresAt: offer.expiresAt,
  answeredAt: offer.answeredAt,
  answeredBy: offer.answeredBy,
});
