// The roles feature's public surface: other features and entry points import only this file.
export { roleRoutes } from "./role-routes.js";
export {
  addFollower,
  addParticipant,
  type DirectoryPerson,
  followOpportunity,
  muteOpportunity,
  promoteParticipant,
  removeFollower,
  removeParticipant,
  unfollowOpportunity,
  unmuteOpportunity,
} from "./roles.service.js";
