// The people feature's public surface: other features and entry points import only this file.
export { peopleRoutes } from "./people-routes.js";
