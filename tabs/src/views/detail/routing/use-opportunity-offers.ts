import { useCallback, useEffect, useState } from "react";
import { describeApiError } from "../../../api/api-error.js";
import type { Offer } from "../../../api/routing-api.js";
import { useSession } from "../../../app/session.js";

export type OpportunityOffers = {
  /** null until the first read answered. */
  offers: Offer[] | null;
  error: string | null;
  /** After routing: re-reads the list, or adds the offers just sent when it cannot. */
  recordSent: (sent: readonly Offer[]) => Promise<void>;
};

/** A stable sort: offers sent at the same instant keep the server's order. */
const newestFirst = (a: Offer, b: Offer) => b.sentAt.localeCompare(a.sentAt);

/** The offers of one opportunity, newest first, for its Routing section. */
export const useOpportunityOffers = (opportunityId: string): OpportunityOffers => {
  const { api } = useSession();
  const [offers, setOffers] = useState<Offer[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (): Promise<boolean> => {
    try {
      const items = await api.opportunityOffers(opportunityId);
      setOffers([...items].sort(newestFirst));
      setError(null);
      return true;
    } catch (reason) {
      setError(describeApiError(reason));
      return false;
    }
  }, [api, opportunityId]);

  useEffect(() => {
    void load();
  }, [load]);

  const recordSent = async (sent: readonly Offer[]) => {
    if (await load()) return;
    // The offers went out even if the list cannot be read now: show them with the error.
    setOffers((known) => {
      const fresh = new Set(sent.map((offer) => offer.id));
      return [...sent, ...(known ?? []).filter((offer) => !fresh.has(offer.id))];
    });
  };

  return { offers, error, recordSent };
};
