// The settings feature's public surface: other features and entry points import only this file.

export { rotateConnectorSecret, rotateIntakeSecret, saveSettings } from "./settings.service.js";
export { settingsRoutes } from "./settings-routes.js";
