/** Pending offers per target, for "fewest open offers" (SPEC §4.5). */
export const openOffersByTarget = (
  offers: readonly { targetId: string; status: string }[],
): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const offer of offers) {
    if (offer.status === "pending")
      counts.set(offer.targetId, (counts.get(offer.targetId) ?? 0) + 1);
  }
  return counts;
};
