// The user feature's public surface: other features and entry points import only this file.
export { assertKnownUser, type DirectoryHint, ensureDirectoryUser } from "./known-user.js";
export { type Person, recordPreferences } from "./preferences.service.js";
export { userRoutes } from "./users-routes.js";
