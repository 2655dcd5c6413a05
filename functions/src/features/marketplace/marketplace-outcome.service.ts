import type { MarketplaceOutcomeRequest } from "@dealflow/contract";
import {
  clientAccepted,
  clientDeclined,
  type MarketplaceOutcome,
  meetingHeld,
  type Opportunity,
  type Viewer,
} from "@dealflow/core";
import { basedOn } from "../../service-kit/based-on.js";
import { loadOpportunity, type SavedOpportunity, saveOpportunity } from "../opportunity/index.js";
import type { MarketplaceDeps } from "./marketplace.service.js";
import { runMarketplaceIntents } from "./marketplace.service.js";

/**
 * SPEC §4.4 "or manual entry": the owner or a manager records what the client did on a
 * marketplace without a connector (or when its event never came), through the same use cases
 * as the connector's events, so the reveal, the first-contact clocks, the refund outcome and
 * who is told are the same. The actor is named on the timeline instead of the system.
 */
export const recordMarketplaceOutcome = async (
  deps: MarketplaceDeps,
  actor: Viewer,
  opportunityId: string,
  outcome: MarketplaceOutcomeRequest["outcome"],
  ifMatch?: string | null,
): Promise<SavedOpportunity> => {
  const { ctx, opportunity: read } = await loadOpportunity(deps, actor, opportunityId);
  const opportunity = basedOn(read, ifMatch);
  const decided = await decide(deps, opportunity, outcome, ctx);
  const saved = await saveOpportunity(deps, ctx, decided);
  await runMarketplaceIntents(deps, actor.tenantId, decided.intents);
  return saved;
};

const decide = async (
  deps: MarketplaceDeps,
  opportunity: Opportunity,
  outcome: MarketplaceOutcomeRequest["outcome"],
  ctx: Parameters<typeof meetingHeld>[1],
): Promise<MarketplaceOutcome<Opportunity>> => {
  switch (outcome) {
    case "client-accepted": {
      const contact = await deps.store.getContact(ctx.tenantId, opportunity.contact.id);
      if (contact === null) throw new Error(`Contact ${opportunity.contact.id} is missing.`);
      return clientAccepted(
        { opportunity, contact, client: null, meetingAt: null, meetingUrl: null },
        ctx,
      );
    }
    case "client-declined":
      return clientDeclined({ opportunity, declinedAt: null }, ctx);
    case "meeting-held":
      return meetingHeld({ opportunity }, ctx);
  }
};
