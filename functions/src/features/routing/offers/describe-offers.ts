import type { Offer as OfferAnswer } from "@dealflow/contract";
import type { Offer, Opportunity } from "@dealflow/core";
import type { Store } from "../../../storage/store.js";
import { offerResponse, offerTitleOf } from "./offer-answer.js";

const unique = <T>(values: T[]) => [...new Set(values)];

/**
 * Offers with what their reader needs to decide: the opportunity's title (a hidden client's
 * name redacted) and the target's name. `known` opportunities, already read, are not re-read.
 */
export const describeOffers = async (
  store: Store,
  tenantId: string,
  offers: readonly Offer[],
  known: readonly Opportunity[] = [],
): Promise<OfferAnswer[]> => {
  const have = new Set(known.map((opportunity) => opportunity.id));
  const [read, targets] = await Promise.all([
    Promise.all(
      unique(offers.map((o) => o.opportunityId))
        .filter((id) => !have.has(id))
        .map((id) => store.getOpportunity(tenantId, id)),
    ),
    Promise.all(
      unique(offers.map((o) => o.targetId)).map((id) => store.getRoutingTarget(tenantId, id)),
    ),
  ]);
  const title = new Map(
    [...known, ...read].flatMap((o) => (o ? [[o.id, offerTitleOf(o)] as const] : [])),
  );
  const name = new Map(targets.flatMap((t) => (t ? [[t.id, t.name] as const] : [])));
  return offers.map((offer) =>
    offerResponse(offer, {
      opportunityTitle: title.get(offer.opportunityId) ?? null,
      targetName: name.get(offer.targetId) ?? null,
    }),
  );
};
