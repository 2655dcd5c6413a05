import type { RosterMember, RosterReader } from "../ports/teams.js";
import type { ConnectorClient } from "./connector-client.js";
import type { ProactiveSender } from "./proactive-sender.js";

/** Teams answers at most 500 members a page. */
const PAGE_SIZE = 500;
/** 100,000 members: past Teams' own team size limit, so a looping token cannot spin forever. */
const MAX_PAGES = 200;

const rosterMemberOf = (value: unknown): RosterMember | null => {
  if (typeof value !== "object" || value === null) return null;
  const record = value as Record<string, unknown>;
  if (typeof record.id !== "string") return null;
  const text = (key: string) =>
    typeof record[key] === "string" ? (record[key] as string) : undefined;
  const member: RosterMember = { id: record.id };
  for (const key of ["name", "aadObjectId", "email", "userPrincipalName", "tenantId"] as const) {
    const field = text(key);
    if (field !== undefined) member[key] = field;
  }
  return member;
};

/**
 * A team's whole roster, page by page (`continuationToken`), each page one connector call
 * under the proactive sender's pacing and retries (429 Retry-After, 5xx back-off).
 */
export const createRosterReader =
  (connector: ConnectorClient, send: ProactiveSender, pageSize = PAGE_SIZE): RosterReader =>
  async (serviceUrl, teamsTeamId, tenantId) => {
    const members: RosterMember[] = [];
    let continuationToken: string | null = null;
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      let body: unknown = null;
      const outcome = await send({ tenantId, conversationId: teamsTeamId }, async () => {
        const result = await connector.pagedMembers(serviceUrl, teamsTeamId, {
          pageSize,
          continuationToken,
        });
        if (result.ok) body = result.body;
        return result;
      });
      if (outcome.kind !== "sent") {
        const why = outcome.kind === "gone" ? outcome.code : `HTTP ${outcome.status}`;
        throw new Error(`The roster of ${teamsTeamId} could not be read (${why})`);
      }
      const page = (body ?? {}) as { members?: unknown; continuationToken?: unknown };
      for (const value of Array.isArray(page.members) ? page.members : []) {
        const member = rosterMemberOf(value);
        if (member) members.push(member);
      }
      const next = typeof page.continuationToken === "string" ? page.continuationToken : null;
      if (!next || next === continuationToken) return members;
      continuationToken = next;
    }
    // A partial roster would take the team from everyone past it.
    throw new Error(`The roster of ${teamsTeamId} did not end within ${MAX_PAGES} pages`);
  };
