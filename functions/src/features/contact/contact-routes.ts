import type { RouteDeps } from "../../api/api-context.js";
import type { ApiRoute } from "../../api/api-route.js";
import { listDiscardedRoute } from "./discarded.route.js";
import { discardedCsvRoute } from "./discarded-csv.route.js";
import { getContactRoute } from "./get-contact.route.js";
import { patchContactRoute } from "./patch-contact.route.js";
import { searchContactsRoute } from "./search-contacts.route.js";

export const contactRoutes = (deps: RouteDeps): ApiRoute[] => [
  searchContactsRoute(deps),
  listDiscardedRoute(deps),
  discardedCsvRoute(deps),
  getContactRoute(deps),
  patchContactRoute(deps),
];
