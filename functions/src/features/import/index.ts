// The import feature's public surface: other features and entry points import only this file.

export { type ImportPlanner, type ImportRequest, importFile } from "./import.service.js";
export { importRoutes } from "./import-routes.js";
export { reapImport } from "./reap-import.service.js";
