import { activityChange } from "../activity/new-activity.js";
import type { EntityChange } from "../changes/change-set.js";
import { snapshotOf } from "../contact/contact.types.js";
import { newContact } from "../contact/new-contact.js";
import { MAX_TITLE_LENGTH } from "../opportunity/create-opportunity.js";
import type { MarketplaceApplication, Opportunity } from "../opportunity/opportunity.types.js";
import { optionalMoney } from "../opportunity/opportunity-fields.js";
import { isManager } from "../permissions/permissions.js";
import { stageWithRole } from "../pipeline/pipeline.types.js";
import { DomainError } from "../shared/domain-error.js";
import { iso } from "../shared/time.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import {
  type FieldErrors,
  invalidInput,
  optionalHttpUrl,
  optionalText,
  requiredText,
} from "../shared/validation.js";
import { withScheduled } from "../sla/deadline-refs.js";
import { applicationExternalId, connectorPipelineId, findConnector } from "./connector.js";
import type { ApplicationSubmitted, MarketplaceOutcome } from "./marketplace.types.js";
import { optionalInstant } from "./optional-instant.js";
import { visibilityDeadlines } from "./visibility-deadlines.js";

export const MAX_BRIEF_LENGTH = 10_000;
const SOURCE = "marketplace";

/**
 * SPEC §4.4: an application becomes an opportunity whose client stays hidden, with the 24 h
 * reminder and 48 h reveal clocks running from the application. The first-contact clocks do
 * not run while nobody can reach the client; the reveal creates the first-contact task.
 * The client always gets a new contact record: linking a contact the team already knows
 * would hide that known person everywhere while the application is hidden.
 * Replays are the caller's to find, by `applicationExternalId` (as intake does by externalId).
 */
export const receiveApplication = (
  input: ApplicationSubmitted,
  ctx: UseCaseContext,
): MarketplaceOutcome<Opportunity> => {
  if (ctx.actor !== null && !isManager(ctx.actor, ctx.settings)) {
    throw new DomainError("forbidden", "Only a manager can record a marketplace application.");
  }
  const connector = findConnector(ctx.settings, input.connectorKey);
  const errors: FieldErrors = [];
  const applicationId = requiredText(input.applicationId, "applicationId", 160, errors);
  const client = newContact(input.client ?? { name: "" }, "client", ctx, errors);
  const brief = optionalText(input.brief, "brief", MAX_BRIEF_LENGTH, errors);
  const title =
    optionalText(input.title, "title", MAX_TITLE_LENGTH, errors) ??
    firstLine(brief) ??
    connector.name;
  const fee = optionalMoney(input.fee, "fee", errors);
  const appliedAt = optionalInstant(input.appliedAt, "appliedAt", errors) ?? ctx.now;
  const meetingAt = optionalInstant(input.meetingAt, "meetingAt", errors);
  const meetingUrl = optionalHttpUrl(input.meetingUrl, "meetingUrl", errors);
  const ownerId = optionalText(input.ownerId, "ownerId", 128, errors);
  if (errors.length > 0) throw invalidInput(errors, "The application is not valid.");

  const pipelineId = connectorPipelineId(ctx.settings, connector);
  const pipeline = ctx.settings.pipelines.find((candidate) => candidate.id === pipelineId);
  const newStage = pipeline === undefined ? undefined : stageWithRole(pipeline, "new");
  if (newStage === undefined) {
    throw new DomainError(
      "invalid-state",
      `Pipeline ${pipelineId} has no stage for new opportunities.`,
    );
  }
  const now = iso(ctx.now);
  // A marketplace whose clock runs ahead must not postpone the reminder and the reveal.
  const applied = iso(appliedAt.getTime() > ctx.now.getTime() ? ctx.now : appliedAt);
  const marketplace: MarketplaceApplication = {
    connectorKey: connector.key,
    visibility: "hidden",
    appliedAt: applied,
    brief,
    meetingAt: meetingAt === null ? null : iso(meetingAt),
    meetingUrl,
    meetingHeld: false,
    fee,
    refund: "none",
    refundReason: null,
    revealedAt: null,
  };
  const draft: Opportunity = {
    tenantId: ctx.tenantId,
    id: ctx.ids(),
    title,
    pipelineId,
    stage: newStage.id,
    status: "open",
    receivedAt: applied,
    createdAt: now,
    updatedAt: now,
    createdBy: ctx.actor?.userId ?? null,
    ownerId,
    source: SOURCE,
    campaign: connector.name,
    value: null,
    tags: [],
    contact: snapshotOf(client),
    participants: [],
    followers: [],
    mutedBy: [],
    firstContact: { state: "awaiting", recordedAt: null, action: null, secondContactDueAt: null },
    discard: null,
    closedAt: null,
    externalId: applicationExternalId(connector.key, applicationId),
    sourceEmail: client.email,
    marketplace,
    deadlines: [],
  };
  const schedule = visibilityDeadlines(draft, applied, connector);
  const opportunity = withScheduled(draft, schedule);
  const changes: EntityChange[] = [
    { entity: "contact", before: null, after: { ...client, clientOf: opportunity.id } },
    { entity: "opportunity", before: null, after: opportunity },
    activityChange(
      opportunity.id,
      { type: "created", source: SOURCE, campaign: connector.name },
      ctx,
    ),
  ];
  return { value: opportunity, changes, schedule, cancel: [], intents: [] };
};

const firstLine = (text: string | null): string | null => {
  const line = text?.split(/\r?\n/).find((candidate) => candidate.trim() !== "");
  return line === undefined ? null : line.trim().slice(0, MAX_TITLE_LENGTH);
};
