import type { TeamDetailsReader } from "../ports/teams.js";
import type { ConnectorClient } from "./connector-client.js";
import type { ProactiveSender } from "./proactive-sender.js";

/**
 * `GET /v3/teams/{teamsTeamId}` under the proactive sender's pacing. The sender given should
 * try once: this runs inside a user's turn, which must not wait out a back-off.
 */
export const createTeamDetailsReader =
  (connector: ConnectorClient, send: ProactiveSender): TeamDetailsReader =>
  async (serviceUrl, teamsTeamId, tenantId) => {
    let body: unknown = null;
    const outcome = await send({ tenantId, conversationId: teamsTeamId }, async () => {
      const result = await connector.teamDetails(serviceUrl, teamsTeamId);
      if (result.ok) body = result.body;
      return result;
    });
    if (outcome.kind !== "sent") {
      const why = outcome.kind === "gone" ? outcome.code : `HTTP ${outcome.status}`;
      throw new Error(`The Bot Connector did not describe team ${teamsTeamId} (${why})`);
    }
    const team = (body ?? {}) as { id?: unknown; name?: unknown; aadGroupId?: unknown };
    if (typeof team.aadGroupId !== "string" || team.aadGroupId === "") {
      throw new Error(`The Bot Connector named no group for team ${teamsTeamId}`);
    }
    return {
      id: typeof team.id === "string" ? team.id : teamsTeamId,
      name: typeof team.name === "string" ? team.name : null,
      aadGroupId: team.aadGroupId,
    };
  };
