/** How often one process looks at one team's record (and asks the connector) for its activities. */
export const TEAM_CHECK_INTERVAL_MS = 60_000;
/** Past this many remembered teams, the expired ones are dropped. */
const PRUNE_AT = 10_000;

/**
 * Per process: which teams were looked at lately, so a busy channel costs one check a minute
 * instead of a storage read (or a connector call) per message. Another instance checks on its
 * own; what is remembered is only "looked at", never what was found.
 */
export const createTeamChecks = (intervalMs = TEAM_CHECK_INTERVAL_MS) => {
  const until = new Map<string, number>();
  const key = (tenantId: string, teamsTeamId: string) => `${tenantId}\n${teamsTeamId}`;
  return {
    /** True (and remembered) when the team was not looked at within the interval. */
    claim(tenantId: string, teamsTeamId: string, now: Date): boolean {
      const at = now.getTime();
      const k = key(tenantId, teamsTeamId);
      if ((until.get(k) ?? 0) > at) return false;
      if (until.size >= PRUNE_AT) {
        for (const [other, expiry] of until) if (expiry <= at) until.delete(other);
      }
      until.set(k, at + intervalMs);
      return true;
    },
    /** Lets the team's next activity look again (its roster read just failed). */
    release(tenantId: string, teamsTeamId: string): void {
      until.delete(key(tenantId, teamsTeamId));
    },
  };
};

export type TeamChecks = ReturnType<typeof createTeamChecks>;
