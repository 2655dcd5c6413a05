import {
  type ChangeSet,
  mergeChangeSets,
  newNote,
  type RoutingCatalog,
  type RoutingIntent,
  type RoutingOutcome,
  type UseCaseContext,
} from "@dealflow/core";
import { ROUTING_PROMPT_ID_PREFIX } from "../../notifications/routing-prompt.js";

/**
 * SPEC §4.5 "choose another target". Core has no notification type for it yet (see
 * docs/marketplace.md), so — like the marketplace's decline-after-reveal stop-gap — the
 * prompt becomes a system note on the timeline, in the same commit as the offer that ended
 * the round. Its ids are marked (notifications/routing-prompt.ts), so the managers and the
 * pipeline's linked channels get its card besides the followers. Names first: a card shows
 * the note's first 140 characters.
 */
export const chooseAnotherTargetText = (
  intent: Extract<RoutingIntent, { type: "choose-another-target" }>,
  catalog: RoutingCatalog,
): string => {
  const names = intent.proposedTargetIds.map(
    (id) => catalog.targets.find((target) => target.id === id)?.name ?? id,
  );
  const next =
    names.length === 0
      ? "No other target matches: route it by hand or widen the criteria."
      : `Next-ranked: ${names.join(", ")}.`;
  return `Choose another routing target. ${next} Every offer sent expired or was declined.`;
};

/** The outcome with its "choose another target" prompts folded in as system notes. */
export const withRoutingNotes = <T>(
  outcome: RoutingOutcome<T>,
  catalog: RoutingCatalog,
  ctx: UseCaseContext,
): RoutingOutcome<T> => {
  const system: UseCaseContext = {
    ...ctx,
    actor: null,
    ids: () => ROUTING_PROMPT_ID_PREFIX + ctx.ids(),
  };
  const notes: ChangeSet[] = outcome.intents.flatMap((intent) =>
    intent.type === "choose-another-target"
      ? [newNote(intent.opportunityId, chooseAnotherTargetText(intent, catalog), system)]
      : [],
  );
  if (notes.length === 0) return outcome;
  return { ...outcome, ...mergeChangeSets(outcome, ...notes) };
};
