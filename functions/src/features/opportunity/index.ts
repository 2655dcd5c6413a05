// The opportunity feature's public surface: other features and entry points import only this file.
export {
  type SearchPage,
  type SearchResult,
  searchOpportunities,
} from "./list/search-opportunities.service.js";
export { MAX_OPEN_TASKS, openTasksOf, tooManyTasks } from "./open-tasks.js";
export {
  noteResponse,
  type OpportunityResponse,
  opportunityResponse,
} from "./opportunity.schema.js";
export {
  type ChannelOfAction,
  changeOwner,
  changeStage,
  claimOpportunity,
  createOpportunity,
  editOpportunity,
} from "./opportunity.service.js";
export {
  loadOpportunity,
  renamingFields,
  type SavedOpportunity,
  saveOpportunity,
} from "./opportunity-access.js";
export { opportunityAnswer } from "./opportunity-answer.js";
export { opportunityRoutes } from "./opportunity-routes.js";
