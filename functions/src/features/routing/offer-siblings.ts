import type { ChangeSet, EntityChange, Offer } from "@dealflow/core";

/**
 * Whether a round is over is decided from the opportunity's other offers as read. Two last
 * offers declined (or one declined, one expiring) at the same moment would each see the other
 * still pending, and neither would ask the managers. So a write that settles an offer also
 * rewrites its still-pending siblings unchanged, conditional on the versions read: of two
 * such writes one fails as a conflict and re-reads (the route retries, the sweep repeats the
 * row), and then sees the round is over.
 */
export const withSiblingsChecked = <O extends ChangeSet>(
  outcome: O,
  offers: readonly Offer[],
): O => {
  if (outcome.changes.length === 0) return outcome;
  const written = new Set(
    outcome.changes.flatMap((change) =>
      change.entity === "offer" && change.after ? [change.after.id] : [],
    ),
  );
  const siblings = offers
    .filter((offer) => offer.status === "pending" && !written.has(offer.id))
    .map((offer): EntityChange => ({ entity: "offer", before: offer, after: offer }));
  return { ...outcome, changes: [...outcome.changes, ...siblings] };
};
