import { activityChange } from "../activity/new-activity.js";
import { type ChangeSet, mergeChangeSets, type Outcome } from "../changes/change-set.js";
import type { Contact } from "../contact/contact.types.js";
import { isManager } from "../permissions/permissions.js";
import { DomainError } from "../shared/domain-error.js";
import { addDays, iso } from "../shared/time.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import { closeTask, openTasksWhere } from "../task/close-task.js";
import { newTask } from "../task/new-task.js";
import type { Task, TaskKind } from "../task/task.types.js";
import { type OutcomeRule, withClassificationTag } from "./outcome-rules.js";

export type ApplyOutcomeInput = {
  rule: OutcomeRule;
  contact: Contact | null;
  /** Kept on the follow-up when the contact record is not at hand. */
  contactId: string | null;
  /** Where the timeline lines go and the follow-up belongs. */
  opportunityId: string | null;
  followUpOwnerId: string | null;
  /** The contact's open tasks: an earlier classification's follow-up among them is replaced. */
  openTasks: readonly Task[];
  /** A hidden marketplace client: the follow-up's default title must not carry their name. */
  contactHidden?: boolean;
  /** The person's own next task, scheduled instead of the rule's follow-up. */
  ownNext?: { kind: TaskKind; title: string | null; dueAt: Date } | null;
};

export type AppliedOutcome = { contact: Contact | null; followUp: Task | null };

/**
 * Applies an outcome rule of SPEC §4.3, shared by the task completion and the contact
 * profile: sets the classification and its tag, and keeps one open classification follow-up
 * per contact by cancelling the earlier one (if the actor may change it) before scheduling
 * the new one.
 */
export const applyOutcome = (
  input: ApplyOutcomeInput,
  ctx: UseCaseContext,
): Outcome<AppliedOutcome> => {
  const { rule, opportunityId } = input;
  const sets: ChangeSet[] = [];
  let contact = input.contact;
  const contactId = contact?.id ?? input.contactId;

  if (rule.classify && contact !== null) {
    const before = contact;
    const tags = withClassificationTag(before.tags, rule.classification);
    const changed =
      before.classification !== rule.classification || tags.join("\n") !== before.tags.join("\n");
    if (changed) {
      contact = { ...before, classification: rule.classification, tags, updatedAt: iso(ctx.now) };
      const changes: ChangeSet["changes"] = [{ entity: "contact", before, after: contact }];
      if (opportunityId !== null && before.classification !== rule.classification) {
        changes.push(
          activityChange(
            opportunityId,
            {
              type: "classification",
              contactId: before.id,
              from: before.classification,
              to: rule.classification,
            },
            ctx,
          ),
        );
      }
      sets.push({ changes, schedule: [], cancel: [] });
    }
  }

  if (rule.classify && contactId !== null) {
    // Another seller's follow-up is theirs to settle: it stays, and the actor's own is added beside it.
    const earlier = openTasksWhere(
      input.openTasks,
      (task) =>
        task.origin === "classification" && task.contactId === contactId && mayReplace(task, ctx),
    );
    for (const task of earlier) sets.push(closeTask(task, { status: "cancelled" }, ctx));
  }

  let followUp: Task | null = null;
  const own = input.ownNext ?? null;
  if (own !== null || rule.followUp !== null) {
    if (input.followUpOwnerId === null) {
      throw new DomainError(
        "invalid-state",
        "A follow-up needs an owner; assign the opportunity first.",
      );
    }
    const contactName = input.contactHidden === true ? null : (contact?.name ?? null);
    const created = newTask(
      own !== null
        ? {
            kind: own.kind,
            ...(own.title !== null ? { title: own.title } : {}),
            dueAt: own.dueAt,
            ownerId: input.followUpOwnerId,
            opportunityId,
            contactId,
            contactName,
            origin: "manual",
          }
        : {
            kind: "follow-up",
            dueAt: addDays(ctx.now, rule.followUp?.days ?? 0),
            ownerId: input.followUpOwnerId,
            opportunityId,
            contactId,
            contactName,
            origin: rule.followUp?.origin ?? "classification",
          },
      ctx,
    );
    followUp = created.value;
    sets.push(created);
  }

  return { ...mergeChangeSets(...sets), value: { contact, followUp } };
};

const mayReplace = (task: Task, ctx: UseCaseContext): boolean =>
  ctx.actor === null || ctx.actor.userId === task.ownerId || isManager(ctx.actor, ctx.settings);
