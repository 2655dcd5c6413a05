// The roles feature's public surface: other features and entry points import only this file.
export { roleRoutes } from "./role-routes.js";
