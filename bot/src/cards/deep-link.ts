/**
 * The Open button: a Teams deep link to the opportunity in the personal tab when the Teams
 * app id is known (TEAMS_APP_ID), else the local host's own page (development).
 */
export type LinkConfig = {
  teamsAppId: string | null;
  baseUrl: string;
  /** Where else the tab is served (TAB_DOMAIN): links to these unfurl (issue 21). */
  tabDomains?: readonly string[];
};

const OPPORTUNITY_ROUTE = /^#\/opportunities\/([^/?#]+)\/?$/;
const OPPORTUNITY_ID = /^[A-Za-z0-9._:@+-]{1,200}$/;

/**
 * The opportunity a tab link names (`https://<tab domain>/#/opportunities/<id>`), or null for
 * any other link, including one of the same shape on a host that is not the tab's.
 */
export const linkedOpportunityId = (url: string, links: LinkConfig): string | null => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const hosts = [new URL(links.baseUrl).hostname, ...(links.tabDomains ?? [])].map((host) =>
    host.toLowerCase(),
  );
  if (!/^https?:$/.test(parsed.protocol) || !hosts.includes(parsed.hostname.toLowerCase())) {
    return null;
  }
  const encoded = OPPORTUNITY_ROUTE.exec(parsed.hash)?.[1];
  if (encoded === undefined) return null;
  try {
    const id = decodeURIComponent(encoded);
    return OPPORTUNITY_ID.test(id) ? id : null;
  } catch {
    return null;
  }
};

export const opportunityLink = (opportunityId: string, links: LinkConfig): string => {
  if (links.teamsAppId === null) {
    return `${links.baseUrl.replace(/\/$/, "")}/#/opportunities/${encodeURIComponent(opportunityId)}`;
  }
  const context = encodeURIComponent(JSON.stringify({ subEntityId: opportunityId }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(links.teamsAppId)}/dealflow-home?context=${context}`;
};
