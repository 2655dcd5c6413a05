import type { RouteDeps } from "../../api/api-context.js";
import type { ApiRoute } from "../../api/api-route.js";
import { getSettingsRoute } from "./get-settings.route.js";
import { putSettingsRoute } from "./put-settings.route.js";
import { rotateConnectorSecretRoute } from "./rotate-connector-secret.route.js";
import { rotateIntakeSecretRoute } from "./rotate-intake-secret.route.js";

export const settingsRoutes = (deps: RouteDeps): ApiRoute[] => [
  getSettingsRoute(deps),
  putSettingsRoute(deps),
  rotateIntakeSecretRoute(deps),
  rotateConnectorSecretRoute(deps),
];
