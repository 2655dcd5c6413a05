import { useCallback, useEffect, useState } from "react";
import { describeApiError } from "../../api/api-error.js";
import type { Opportunity, OpportunityView } from "../../api/api-types.js";
import { useSession } from "../../app/session.js";

/** One page of a list; `owner` (managers) narrows it to one owner's opportunities. */
export const useOpportunityList = (view: OpportunityView, owner: string | null = null) => {
  const { api } = useSession();
  const [items, setItems] = useState<Opportunity[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setItems((await api.opportunities(view, owner)).items);
      setError(null);
    } catch (reason) {
      setError(describeApiError(reason));
    }
  }, [api, view, owner]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { items, error, reload };
};
