import { type Offer, type Opportunity, redactHiddenText } from "@dealflow/core";
import { z } from "zod";

export const OFFER_STATUSES = ["pending", "accepted", "declined", "expired", "withdrawn"] as const;

/** SPEC §4.4: a title defaulted to a hidden client's name or company must not name them. */
export const offerTitleOf = (opportunity: Opportunity): string =>
  redactHiddenText(opportunity.title, opportunity);

export const offerSchema = z.object({
  id: z.string(),
  opportunityId: z.string(),
  /** The opportunity's title, so the target's user knows what they are asked to take. */
  opportunityTitle: z.string().nullable(),
  targetId: z.string(),
  targetName: z.string().nullable(),
  userId: z.string(),
  mode: z.enum(["automatic", "manual"]),
  status: z.enum(OFFER_STATUSES),
  sentAt: z.string(),
  expiresAt: z.string(),
  answeredAt: z.string().nullable(),
  answeredBy: z.string().nullable(),
});

export type OfferView = z.output<typeof offerSchema>;

export const offerResponse = (
  offer: Offer,
  names: { opportunityTitle?: string | null; targetName?: string | null } = {},
): OfferView => ({
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
