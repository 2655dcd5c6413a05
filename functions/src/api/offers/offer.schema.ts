import type { Offer } from "@dealflow/core";
import { z } from "zod";

export const offerSchema = z.object({
  id: z.string(),
  opportunityId: z.string(),
  /** The opportunity's title, so the target's user knows what they are asked to take. */
  opportunityTitle: z.string().nullable(),
  targetId: z.string(),
  targetName: z.string().nullable(),
  userId: z.string(),
  mode: z.enum(["automatic", "manual"]),
  status: z.enum(["pending", "accepted", "declined", "expired", "withdrawn"]),
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
