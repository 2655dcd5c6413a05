import { useCallback, useEffect, useState } from "react";
import { describeApiError } from "../../../api/api-error.js";
import type { Team } from "../../../api/settings-api.js";
import { useSession } from "../../../app/session.js";

/**
 * The teams the bot is in (GET /api/teams): the choices of a team pipeline's team and the
 * Teams section's list. `teams` is null while loading.
 */
export const useTeams = () => {
  const { api } = useSession();
  const [teams, setTeams] = useState<Team[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setTeams(await api.listTeams());
      setError(null);
    } catch (reason) {
      setError(describeApiError(reason));
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  /** Puts a team as the server answered a write in place of the one shown. */
  const replace = useCallback((team: Team) => {
    setTeams((current) => (current ?? []).map((item) => (item.id === team.id ? team : item)));
  }, []);

  return { teams, error, load, replace };
};
