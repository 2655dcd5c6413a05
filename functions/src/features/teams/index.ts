// The teams feature's public surface: other features and entry points import only this file.
export { teamRoutes } from "./team-routes.js";
export { addTeamMember, listTeams, removeTeamMember, teamsPortOf } from "./teams.service.js";
