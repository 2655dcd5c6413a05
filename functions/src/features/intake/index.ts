// The intake feature's public surface: other features and entry points import only this file.
export { type IntakeDeps, type ReceivedLead, receiveLead } from "./intake.service.js";
export { intakeRoutes } from "./intake-routes.js";
export { createSenderLimiter, DEFAULT_SENDER_LIMITS, type SenderLimits } from "./sender-limits.js";
