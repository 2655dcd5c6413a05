import type { IsoDateTime } from "../shared/time.js";

export type RoutingTargetType = "agency" | "freelancer" | "internal";

/** Ordered from lowest to highest: the ranking prefers higher levels. */
export const LEVELS = ["none", "silver", "gold", "platinum"] as const;
export type Level = (typeof LEVELS)[number];

/** A seller or partner organisation that can receive offers (SPEC §4.5). */
export type RoutingTarget = {
  tenantId: string;
  id: string;
  name: string;
  type: RoutingTargetType;
  level: Level;
  country: string | null;
  primaryLanguage: string;
  secondaryLanguages: string[];
  services: string[];
  active: boolean;
  rating: number;
  reviewCount: number;
  completedProjects: number;
  /** The internal user who answers offers for this target (a seller, or a partner's contact). */
  userId: string | null;
  version?: string;
};

/** What an opportunity asks of its targets; any field left out matches everything. */
export type RoutingCriteria = {
  service?: string;
  country?: string;
  language?: string;
  type?: RoutingTargetType;
  level?: Level;
  name?: string;
};

export type OfferStatus = "pending" | "accepted" | "declined" | "expired" | "withdrawn";

export type Offer = {
  tenantId: string;
  id: string;
  opportunityId: string;
  targetId: string;
  /** The target's user the offer went to: they answer it, and own the opportunity if they accept. */
  userId: string;
  mode: "automatic" | "manual";
  status: OfferStatus;
  sentAt: IsoDateTime;
  expiresAt: IsoDateTime;
  answeredAt: IsoDateTime | null;
  /** Who answered (the target's user or a manager); null for the system (expiry, withdrawal). */
  answeredBy: string | null;
  /** What the opportunity asked when the offer went out: ranks the next targets if all fail. */
  criteria: RoutingCriteria;
  version?: string;
};

/** What the routing rules read besides the opportunity's own offers. */
export type RoutingCatalog = {
  targets: readonly RoutingTarget[];
  /** The tenant's pending offers, for "fewest open offers" (SPEC §4.5). */
  openOffers: readonly Offer[];
};
