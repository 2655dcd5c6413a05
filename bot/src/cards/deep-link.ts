/**
 * The Open button: a Teams deep link to the opportunity in the personal tab when the Teams
 * app id is known (TEAMS_APP_ID), else the local host's own page (development).
 */
export type LinkConfig = { teamsAppId: string | null; baseUrl: string };

export const opportunityLink = (opportunityId: string, links: LinkConfig): string => {
  if (links.teamsAppId === null) {
    return `${links.baseUrl.replace(/\/$/, "")}/#/opportunities/${encodeURIComponent(opportunityId)}`;
  }
  const context = encodeURIComponent(JSON.stringify({ subEntityId: opportunityId }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(links.teamsAppId)}/dealflow-home?context=${context}`;
};
