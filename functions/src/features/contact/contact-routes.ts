import type { RouteDeps } from "../../api/api-context.js";
import type { ApiRoute } from "../../api/api-route.js";
import { createContactRoute } from "./create-contact.route.js";
import { getContactRoute } from "./get-contact.route.js";
import { patchContactRoute } from "./patch-contact.route.js";
import { searchContactsRoute } from "./search-contacts.route.js";

export const contactRoutes = (deps: RouteDeps): ApiRoute[] => [
  searchContactsRoute(deps),
  createContactRoute(deps),
  getContactRoute(deps),
  patchContactRoute(deps),
];
