import { useCallback, useEffect, useRef, useState } from "react";
import { describeApiError } from "../../api/api-error.js";
import { MAX_OFFERS, type Offer, type OffersQuery } from "../../api/routing-api.js";
import { useSession } from "../../app/session.js";

export type OfferList = {
  /** null until the offers arrived; newest first whatever order the server answered in. */
  items: Offer[] | null;
  /** true when the list stopped at MAX_OFFERS with more to read. */
  truncated: boolean;
  error: string | null;
  reload: () => Promise<void>;
};

/** A stable sort: offers sent at the same instant keep the server's order. */
const newestFirst = (a: Offer, b: Offer) => b.sentAt.localeCompare(a.sentAt);

/**
 * The offers `query` names; a reload (or another query) abandons a read still in flight. A
 * reload keeps the list on screen until the new one arrives; another query starts afresh.
 */
export const useOffers = (query: OffersQuery): OfferList => {
  const { api } = useSession();
  const [items, setItems] = useState<Offer[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const { scope } = query;
  const status = query.scope === "all" ? query.status : null;

  const reload = useCallback(async () => {
    const current = ++generation.current;
    try {
      const offers = await api.listOffers(scope === "all" ? { scope, status } : { scope });
      if (current !== generation.current) return;
      setItems([...offers].sort(newestFirst));
      setError(null);
    } catch (reason) {
      if (current !== generation.current) return;
      setError(describeApiError(reason));
    }
  }, [api, scope, status]);

  useEffect(() => {
    setItems(null);
    setError(null);
    void reload();
    return () => {
      generation.current++;
    };
  }, [reload]);

  return { items, truncated: (items?.length ?? 0) >= MAX_OFFERS, error, reload };
};
