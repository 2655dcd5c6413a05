import type { Store } from "../storage/store.js";

/**
 * A user's teams as permissions need them, for the API's principal and the bot's viewer alike.
 * They matter only to pipelines shared with a team (SPEC §7; every use of teamIds is core's
 * team-pipeline rule), so a tenant whose settings (cached 30 s) share none reads no
 * membership; one that does reads them every time, so a member removed from a team loses
 * what it shares at once. Sharing a pipeline through another instance grants within 30 s;
 * a removal is never late.
 */
export const teamsThatMatter = async (
  store: Pick<Store, "getSettings" | "teams">,
  tenantId: string,
  userId: string,
): Promise<string[]> => {
  const { pipelines } = await store.getSettings(tenantId);
  const shared = pipelines.some((p) => p.visibility === "team" && p.teamId !== null);
  return shared ? store.teams.teamIdsOf(tenantId, userId) : [];
};
