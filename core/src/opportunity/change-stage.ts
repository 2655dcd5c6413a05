import { activityChange } from "../activity/new-activity.js";
import { type Outcome, unchanged } from "../changes/change-set.js";
import { assertCanEdit } from "../permissions/permissions.js";
import { DomainError, validationError } from "../shared/domain-error.js";
import { assertInTenant } from "../shared/tenant-guard.js";
import { iso } from "../shared/time.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import { type FieldErrors, optionalText, throwIfInvalid } from "../shared/validation.js";
import { withCancelled } from "../sla/deadline-refs.js";
import { isFirstContactDeadline } from "../sla/first-contact-deadlines.js";
import type { Opportunity, OpportunityStatus } from "./opportunity.types.js";
import { opportunityChange, reviseOpportunity } from "./revise-opportunity.js";

export type ChangeStageInput = {
  opportunity: Opportunity;
  stageId: string;
  /** Why it was lost (optional); only a move to a lost stage takes one. */
  reason?: string | null;
};

export const MAX_LOST_REASON_LENGTH = 500;

/**
 * Moves an opportunity on its board. The stage's role decides the status: won and lost
 * close it, any other stage (re)opens it, a discarded one included. Moving to where it
 * already is changes nothing, so a repeated drop or a retried card action is harmless.
 */
export const changeStage = (input: ChangeStageInput, ctx: UseCaseContext): Outcome<Opportunity> => {
  const before = input.opportunity;
  assertInTenant(before, ctx.tenantId);
  assertCanEdit(ctx.actor, before, ctx.settings);
  const pipeline = ctx.settings.pipelines.find((p) => p.id === before.pipelineId);
  if (pipeline === undefined) {
    throw new DomainError("invalid-state", "The opportunity's pipeline no longer exists.");
  }
  const stage = pipeline.stages.find((s) => s.id === input.stageId);
  if (stage === undefined)
    throw validationError("stageId", `is not a stage of pipeline ${pipeline.name}`);

  const status: OpportunityStatus =
    stage.role === "won" ? "won" : stage.role === "lost" ? "lost" : "open";
  const errors: FieldErrors = [];
  const reason = optionalText(input.reason, "reason", MAX_LOST_REASON_LENGTH, errors);
  if (reason !== null && status !== "lost") {
    errors.push({ path: "reason", message: "is only for a move to a lost stage" });
  }
  throwIfInvalid(errors, "The stage change is not valid.");
  if (stage.id === before.stage && status === before.status) {
    return unchanged(before);
  }

  const closes = status !== "open";
  // A closed opportunity no longer waits for first contact: its reminders must not fire.
  const { subject, cancelled } = closes
    ? withCancelled(before, isFirstContactDeadline)
    : { subject: before, cancelled: [] };
  const after = reviseOpportunity(
    subject,
    {
      stage: stage.id,
      status,
      closedAt: closes ? iso(ctx.now) : null,
      firstContact: closes ? leftTheQueue(before.firstContact) : before.firstContact,
      // Leaving `discarded` takes it out of the discarded-contacts report; the timeline keeps why.
      discard: null,
    },
    ctx,
  );
  return {
    value: after,
    changes: [
      opportunityChange(before, after),
      activityChange(
        before.id,
        {
          type: "stage-changed",
          from: before.stage,
          to: stage.id,
          ...(reason !== null ? { reason } : {}),
        },
        ctx,
      ),
    ],
    schedule: [],
    cancel: cancelled,
  };
};

/**
 * Closing ends the wait for first contact, so a reopened opportunity does not come back to a
 * queue whose clocks were stopped. Closing records no contact: `recordedAt` and `action` stay as
 * they were (null when it never left the first-contact queue).
 */
const leftTheQueue = (firstContact: Opportunity["firstContact"]): Opportunity["firstContact"] =>
  firstContact.state === "done"
    ? firstContact
    : { ...firstContact, state: "done", secondContactDueAt: null };
