import type { Opportunity } from "@dealflow/contract";
import type { ApiResult } from "../../api/api-route.js";
import { opportunityResponse } from "./opportunity.schema.js";
import type { SavedOpportunity } from "./opportunity-access.js";

/** A route's answer with the opportunity a service saved: redacted, with its new ETag. */
export const opportunityAnswer = (
  saved: SavedOpportunity,
  status = 200,
): ApiResult<Opportunity> => ({
  status,
  body: opportunityResponse(saved.opportunity, saved.settings, saved.actor),
  etag: saved.version,
});
