import type { RouteDeps } from "../../api/api-context.js";
import type { ApiRoute } from "../../api/api-route.js";
import { CONTACT_COLUMNS, planContactImport } from "./import-contacts.js";
import { OPPORTUNITY_COLUMNS, planOpportunityImport } from "./import-opportunities.js";
import { importRoute } from "./import-route.js";

export const importRoutes = (deps: RouteDeps): ApiRoute[] => [
  importRoute(deps, {
    name: "importContacts",
    what: "contacts",
    columns: CONTACT_COLUMNS,
    required: ["name"],
    plan: planContactImport,
  }),
  importRoute(deps, {
    name: "importOpportunities",
    what: "opportunities",
    columns: OPPORTUNITY_COLUMNS,
    required: ["name", "source"],
    plan: planOpportunityImport,
  }),
];
