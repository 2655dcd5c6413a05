// The wire contract: what the API takes and answers, as zod schemas (the API validates and
// documents with them) and their inferred types (the tab types its calls with them, by
// `import type` only). Nothing here computes a rule: the server does, and says the result.
export * from "./channels/channel-link.schema.js";
export * from "./common/common.schema.js";
export * from "./contact/contact.schema.js";
export * from "./first-contact/first-contact.schema.js";
export * from "./import/import.schema.js";
export * from "./intake/intake.schema.js";
export * from "./marketplace/marketplace-event.schema.js";
export * from "./note/note.schema.js";
export * from "./opportunity/opportunity.schema.js";
export * from "./opportunity/opportunity-list-query.schema.js";
export * from "./opportunity/opportunity-write.schema.js";
export * from "./people/people.schema.js";
export * from "./reports/reports.schema.js";
export * from "./reviews/reviews.schema.js";
export * from "./roles/roles.schema.js";
export * from "./routing/routing.schema.js";
export * from "./settings/settings.schema.js";
export * from "./settings/settings-secret.schema.js";
export * from "./task/task.schema.js";
export * from "./teams/teams.schema.js";
export * from "./user/user.schema.js";
