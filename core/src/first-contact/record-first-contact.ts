import type { ActivityDetails } from "../activity/activity.types.js";
import { activityChange } from "../activity/new-activity.js";
import { type ChangeSet, mergeChangeSets, type Outcome } from "../changes/change-set.js";
import { newNote } from "../note/add-note.js";
import type { Opportunity } from "../opportunity/opportunity.types.js";
import { opportunityChange, reviseOpportunity } from "../opportunity/revise-opportunity.js";
import { assertCanEdit } from "../permissions/permissions.js";
import { type StageRole, stageWithRole } from "../pipeline/pipeline.types.js";
import { DomainError } from "../shared/domain-error.js";
import { assertInTenant } from "../shared/tenant-guard.js";
import { addMinutes, iso } from "../shared/time.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import { type FieldErrors, invalidInput } from "../shared/validation.js";
import { withCancelled } from "../sla/deadline-refs.js";
import { isFirstContactDeadline } from "../sla/first-contact-deadlines.js";
import { closeTask, openTasksWhere } from "../task/close-task.js";
import { newTask } from "../task/new-task.js";
import type { Task } from "../task/task.types.js";
import { isContactHidden } from "../visibility/redact-hidden-contact.js";
import {
  type FirstContactChoice,
  type ValidChoice,
  validateChoice,
} from "./first-contact-choice.js";
import { learnedNoteText } from "./learned-note.js";

export type RecordFirstContactInput = {
  opportunity: Opportunity;
  /** The opportunity's open tasks: the contact attempts they stood for are now settled. */
  openTasks: readonly Task[];
} & FirstContactChoice;

/**
 * SPEC §4.2's three actions on an opportunity in the first- or second-contact queue. Each
 * stops the first-contact clocks (SPEC §5) and settles the open contact-attempt tasks, which
 * the one first-contact timeline line covers.
 */
export const recordFirstContact = (
  input: RecordFirstContactInput,
  ctx: UseCaseContext,
): Outcome<Opportunity> => {
  const before = input.opportunity;
  assertInTenant(before, ctx.tenantId);
  assertCanEdit(ctx.actor, before, ctx.settings);
  if (before.status !== "open" || before.firstContact.state === "done") {
    throw new DomainError("invalid-state", "The opportunity is not waiting for first contact.");
  }
  // SPEC §4.4: nobody can have spoken to a client the team may not even name yet.
  if (isContactHidden(before)) {
    throw new DomainError(
      "invalid-state",
      "The client is not revealed yet: record the first contact once they accept or the reveal time passes.",
    );
  }
  const errors: FieldErrors = [];
  const choice = validateChoice(input, ctx.settings, errors);
  if (choice === null || errors.length > 0) {
    throw invalidInput(errors, "The first contact cannot be recorded as given.");
  }
  const { subject: stopped, cancelled } = withCancelled(before, isFirstContactDeadline);
  const after = reviseOpportunity(stopped, patchFor(before, choice, ctx), ctx);

  const lines: ActivityDetails[] = [
    {
      type: "first-contact",
      action: choice.action,
      reason: choice.action === "discard" ? choice.reason : null,
    },
  ];
  if (after.stage !== before.stage) {
    lines.push({ type: "stage-changed", from: before.stage, to: after.stage });
  }
  const recorded: ChangeSet = {
    changes: [
      opportunityChange(before, after),
      ...lines.map((line) => activityChange(before.id, line, ctx)),
    ],
    schedule: [],
    cancel: cancelled,
  };
  return {
    ...mergeChangeSets(recorded, ...followingSteps(after, input.openTasks, choice, ctx)),
    value: after,
  };
};

type Patch = Parameters<typeof reviseOpportunity>[1];

const patchFor = (before: Opportunity, choice: ValidChoice, ctx: UseCaseContext): Patch => {
  const firstContact = {
    ...before.firstContact,
    // The first attempt is what "time to first contact" measures; later ones keep it.
    recordedAt: before.firstContact.recordedAt ?? iso(ctx.now),
    action: choice.action,
  };
  const stageFor = (role: StageRole) => {
    const pipeline = ctx.settings.pipelines.find((p) => p.id === before.pipelineId);
    // A pipeline without that stage keeps the opportunity where it is.
    return (pipeline === undefined ? undefined : stageWithRole(pipeline, role)?.id) ?? before.stage;
  };
  switch (choice.action) {
    case "ready-for-proposal":
      return {
        stage: stageFor("proposal"),
        firstContact: { ...firstContact, state: "done", secondContactDueAt: null },
      };
    case "second-contact":
      return {
        stage: stageFor("second-contact"),
        firstContact: {
          ...firstContact,
          state: "second-contact",
          secondContactDueAt: iso(addMinutes(ctx.now, choice.delayMinutes)),
        },
      };
    case "discard":
      return {
        status: "discarded",
        discard: {
          reason: choice.reason,
          text: choice.text,
          at: iso(ctx.now),
          by: ctx.actor?.userId ?? null,
        },
        closedAt: iso(ctx.now),
        firstContact: { ...firstContact, state: "done", secondContactDueAt: null },
      };
  }
};

/** Settles the open tasks, plans the next step and keeps what was learned. */
const followingSteps = (
  opportunity: Opportunity,
  openTasks: readonly Task[],
  choice: ValidChoice,
  ctx: UseCaseContext,
): ChangeSet[] => {
  const ofThisOpportunity = (keep: (task: Task) => boolean) =>
    openTasksWhere(openTasks, (task) => task.opportunityId === opportunity.id && keep(task));
  if (choice.action === "discard") {
    // The opportunity leaves the sales process: nothing is left to do for it.
    return ofThisOpportunity(() => true).map((task) =>
      closeTask(task, { status: "cancelled" }, ctx, { timeline: false }),
    );
  }

  const ownerId = opportunity.ownerId ?? ctx.actor?.userId ?? null;
  if (ownerId === null) {
    throw new DomainError("invalid-state", "Assign the opportunity before planning its next step.");
  }
  // The attempt these tasks asked for has just been made.
  const attempts = ofThisOpportunity(
    (task) =>
      task.origin === "second-contact" ||
      task.kind === "first-contact" ||
      task.kind === "second-contact",
  ).map((task) => closeTask(task, { status: "done", outcome: null }, ctx, { timeline: false }));
  const proposal = choice.action === "ready-for-proposal";
  const next = newTask(
    {
      kind: proposal ? "send-proposal" : "second-contact",
      dueAt: addMinutes(
        ctx.now,
        proposal ? ctx.settings.durations.proposalDelayMinutes : choice.delayMinutes,
      ),
      ownerId,
      opportunityId: opportunity.id,
      contactId: opportunity.contact.id,
      contactName: opportunity.contact.name,
      origin: proposal ? "ready-for-proposal" : "second-contact",
    },
    ctx,
  );
  const learned = proposal ? learnedNoteText(choice.learned, ctx.settings.locale) : null;
  return [...attempts, next, ...(learned === null ? [] : [newNote(opportunity.id, learned, ctx)])];
};
