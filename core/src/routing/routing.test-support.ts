import { buildOpportunity, NOW, TENANT } from "../shared/builders.test-support.js";
import { buildRoutingTarget } from "../shared/fixtures.test-support.js";
import type { Offer, RoutingCatalog, RoutingCriteria, RoutingTarget } from "./routing.types.js";

export const CRITERIA: RoutingCriteria = { service: "web-design", language: "es" };

/** Five matching targets, best first by rating; each answered by its own user. */
export const TARGETS: RoutingTarget[] = [5, 4.8, 4.5, 4.2, 4].map((rating, i) =>
  buildRoutingTarget({
    id: `target-${i + 1}`,
    name: `Partner ${i + 1}`,
    rating,
    userId: `user-${i + 1}`,
  }),
);

export const catalog = (overrides: Partial<RoutingCatalog> = {}): RoutingCatalog => ({
  targets: TARGETS,
  openOffers: [],
  ...overrides,
});

/** An unowned opportunity waiting to be routed. */
export const routable = () => buildOpportunity({ id: "opp-routed", ownerId: null, deadlines: [] });

export const buildOffer = (overrides: Partial<Offer> = {}): Offer => ({
  tenantId: TENANT,
  id: "offer-1",
  opportunityId: "opp-routed",
  targetId: "target-1",
  userId: "user-1",
  mode: "automatic",
  status: "pending",
  sentAt: NOW.toISOString(),
  expiresAt: new Date(NOW.getTime() + 3 * 86_400_000).toISOString(),
  answeredAt: null,
  answeredBy: null,
  criteria: CRITERIA,
  version: "etag-offer",
  ...overrides,
});

/** The three offers automatic routing sends first: to targets 1, 2 and 3. */
export const firstRound = (): Offer[] =>
  [1, 2, 3].map((n) =>
    buildOffer({ id: `offer-${n}`, targetId: `target-${n}`, userId: `user-${n}` }),
  );

/** The offer with this id, which the test arranged to be there. */
export const offerIn = (offers: readonly Offer[], id: string): Offer => {
  const offer = offers.find((candidate) => candidate.id === id);
  if (offer === undefined) throw new Error(`The test arranged no ${id}.`);
  return offer;
};
