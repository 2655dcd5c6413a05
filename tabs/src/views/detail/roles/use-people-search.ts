import { useEffect, useState } from "react";
import { describeApiError } from "../../../api/api-error.js";
import { ConsentRequiredError, type PersonMatch } from "../../../api/detail-api.js";
import { useSession } from "../../../app/session.js";
import { SEARCH_DELAY_MS } from "./ParticipantSearch.js";
import { useDebouncedValue } from "./use-debounced-value.js";

/** The API's minimum: fewer letters would match half the directory. */
export const MIN_PEOPLE_QUERY = 2;

export type PeopleSearch =
  | { state: "idle" }
  | { state: "searching" }
  | { state: "done"; hits: PersonMatch[] }
  | { state: "consent-required"; adminConsentUrl: string }
  | { state: "failed"; message: string };

/**
 * The directory search behind the follower picker, sent once typing pauses. Once consent is
 * found missing it is not asked again in this picker: every further key would only repeat
 * the same refusal.
 */
export const usePeopleSearch = (query: string): PeopleSearch => {
  const { api } = useSession();
  const [search, setSearch] = useState<PeopleSearch>({ state: "idle" });
  const settled = useDebouncedValue(query.trim(), SEARCH_DELAY_MS);
  const blocked = search.state === "consent-required";

  useEffect(() => {
    if (blocked) return;
    if (settled.length < MIN_PEOPLE_QUERY) {
      setSearch({ state: "idle" });
      return;
    }
    let current = true;
    setSearch({ state: "searching" });
    api.searchPeople(settled).then(
      (hits) => current && setSearch({ state: "done", hits }),
      (reason: unknown) => {
        if (!current) return;
        setSearch(
          reason instanceof ConsentRequiredError
            ? { state: "consent-required", adminConsentUrl: reason.adminConsentUrl }
            : { state: "failed", message: describeApiError(reason) },
        );
      },
    );
    return () => {
      current = false;
    };
  }, [api, settled, blocked]);

  return search;
};
