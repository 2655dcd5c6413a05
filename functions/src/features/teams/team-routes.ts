import { teamListSchema, teamMemberParams, teamSchema } from "@dealflow/contract";
import type { RouteDeps } from "../../api/api-context.js";
import { type ApiRoute, defineApiRoute } from "../../api/api-route.js";
import { viewerOf } from "../../identity/principal.js";
import { addTeamMember, listTeams, removeTeamMember } from "./teams.service.js";

const memberAnswers = {
  200: { description: "The team with its members now", schema: teamSchema },
  400: { description: "A malformed team or user id, or a person who is not a user here" },
  403: { description: "Only managers change teams" },
  404: { description: "The bot is not installed in that team (or, removing, no such member)" },
};

/**
 * Settings' Teams (SPEC §7): the teams the bot is installed in, offered as a team pipeline's
 * team, and a manager's fallback to give or take a user's team. Managers only.
 */
export const teamRoutes = (deps: RouteDeps): ApiRoute[] => [
  defineApiRoute(deps, {
    name: "listTeams",
    method: "GET",
    route: "teams",
    summary: "The teams the bot is installed in, with their members (managers)",
    tag: "Teams",
    responses: {
      200: { description: "Installed teams by name", schema: teamListSchema },
      403: { description: "Only managers see teams" },
    },
    async handler({ principal }) {
      return { body: { items: await listTeams(deps, viewerOf(principal)) } };
    },
  }),
  defineApiRoute(deps, {
    name: "addTeamMember",
    method: "PUT",
    route: "teams/{teamId}/members/{userId}",
    summary: "Give a user a team (managers): they see its team pipelines at once",
    tag: "Teams",
    params: teamMemberParams,
    responses: memberAnswers,
    async handler({ params, principal }) {
      return {
        body: await addTeamMember(deps, viewerOf(principal), params.teamId, params.userId),
      };
    },
  }),
  defineApiRoute(deps, {
    name: "removeTeamMember",
    method: "DELETE",
    route: "teams/{teamId}/members/{userId}",
    summary: "Take a team from a user (managers), at once",
    tag: "Teams",
    params: teamMemberParams,
    responses: memberAnswers,
    async handler({ params, principal }) {
      return {
        body: await removeTeamMember(deps, viewerOf(principal), params.teamId, params.userId),
      };
    },
  }),
];
