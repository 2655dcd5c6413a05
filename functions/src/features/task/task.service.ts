import {
  type CompleteTaskInput,
  cancelTask as cancelRule,
  completeTask as completeRule,
  createTask as createRule,
  DomainError,
  type IsoDateTime,
  type Opportunity,
  type Outcome,
  rescheduleTask,
  reviseTask,
  type Task,
  type TaskKind,
  type TaskOutcome,
  type User,
  unchanged,
  type Viewer,
} from "@dealflow/core";
import { type ActingContext, actingContext } from "../../service-kit/acting-context.js";
import { basedOn } from "../../service-kit/based-on.js";
import type { ServiceDeps } from "../../service-kit/service-deps.js";
import { contactDirectory, openTasksOfContact } from "../contact/index.js";
import { loadTask, type TaskReader, versionOf } from "./task-access.js";

/** A task as written (or as read, when nothing changed), with its opportunity and version. */
export type SavedTask = {
  task: Task;
  opportunity: Opportunity | null;
  version: string | undefined;
  /** Who changed it, under which settings: the answer says what they may do next. */
  seenBy: TaskReader;
};

export type NewTask = {
  /** null: a task of the owner's own, tied to no opportunity. */
  opportunityId: string | null;
  kind: TaskKind;
  title: string | null;
  /** A past instant is allowed: imported overdue work (it gets one reminder at once). */
  dueAt: Date | IsoDateTime;
  /** Defaults to the opportunity's owner, else the actor. */
  ownerId: string | null;
};

export type TaskPatch = { dueAt?: Date | IsoDateTime; title?: string; ownerId?: string };

/** The task's owner, who must be an active user of the tenant (else a validation error). */
const assertActiveOwner = async (
  deps: Pick<ServiceDeps, "store">,
  task: Task,
  message: string,
): Promise<User> => {
  const owner = await deps.store.getUser(task.tenantId, task.ownerId);
  if (owner === null || !owner.active) {
    throw new DomainError("validation", message, [
      { path: "ownerId", message: "is not an active user of this tenant" },
    ]);
  }
  return owner;
};

/**
 * The context with the task owner's stored zone, for their reminders' working hours (issue 20),
 * when someone else (a manager) acts on their task: one point read of the owner. The actor's
 * own zone comes with their viewer.
 */
const withOwnerZone = async (
  deps: Pick<ServiceDeps, "store">,
  ctx: ActingContext,
  ownerId: string,
): Promise<ActingContext> => {
  if (ownerId === ctx.actor.userId) return ctx;
  const owner = await deps.store.getUser(ctx.tenantId, ownerId);
  return { ...ctx, timeZones: { ...ctx.timeZones, [ownerId]: owner?.timeZone ?? null } };
};

const commitTask = async (
  deps: Pick<ServiceDeps, "store">,
  seenBy: TaskReader,
  outcome: Outcome<Task>,
  opportunity: Opportunity | null,
): Promise<SavedTask> => {
  const { versions } = await deps.store.commit(seenBy.actor.tenantId, outcome);
  const version = versionOf(versions, outcome.value);
  return { task: outcome.value, opportunity, version, seenBy };
};

/** SPEC §4.3: a task on an opportunity, or of one's own; only managers give tasks to others. */
export const createTask = async (
  deps: ServiceDeps,
  actor: Viewer,
  input: NewTask,
): Promise<SavedTask> => {
  const ctx = await actingContext(deps, actor);
  const opportunity =
    input.opportunityId === null
      ? null
      : await deps.store.getOpportunity(actor.tenantId, input.opportunityId);
  if (input.opportunityId !== null && opportunity === null) {
    throw new DomainError("not-found", "The opportunity does not exist.");
  }
  const draft = {
    opportunity,
    kind: input.kind,
    title: input.title,
    dueAt: input.dueAt,
    ownerId: input.ownerId,
  };
  const outcome = createRule(draft, ctx);
  const ownerId = outcome.value.ownerId;
  if (ownerId === actor.userId) return commitTask(deps, ctx, outcome, opportunity);
  // Checked after the use case so a seller naming someone else hears 403, not a hint about
  // which user ids exist. The same read gives the owner's zone, whose working hours their
  // reminders keep (issue 20): the rule, pure, runs again with it.
  const owner = await assertActiveOwner(
    deps,
    outcome.value,
    "The task's owner is not an active user.",
  );
  if (owner.timeZone === null || owner.timeZone === ctx.settings.timeZone) {
    return commitTask(deps, ctx, outcome, opportunity);
  }
  const withZone = { ...ctx, timeZones: { ...ctx.timeZones, [ownerId]: owner.timeZone } };
  return commitTask(deps, withZone, createRule(draft, withZone), opportunity);
};

/**
 * SPEC §4.3 "how did it go?", from the agenda and the reminder card's Done alike: the task is
 * done, the contact classified and tagged, and the follow-up scheduled, replacing the earlier
 * classification's follow-up among all the contact's open tasks. `ifMatch`: the version the
 * caller read (412 when stale); without it, the one just read.
 */
export const completeTask = async (
  deps: ServiceDeps,
  actor: Viewer,
  taskId: string,
  outcome: TaskOutcome | null,
  ifMatch?: string | null,
  extra: Pick<CompleteTaskInput, "note" | "nextTask"> = {},
): Promise<SavedTask & { followUp: Task | null }> => {
  const acting = await actingContext(deps, actor);
  const loaded = await loadTask(deps, actor, taskId, acting.settings);
  const task = basedOn(loaded.task, ifMatch);
  const { opportunity } = loaded;
  // The follow-up is the task owner's: their reminders follow their zone.
  const [ctx, contact, openTasks] = await Promise.all([
    withOwnerZone(deps, acting, task.ownerId),
    task.contactId === null
      ? null
      : contactDirectory(deps.store).get(actor.tenantId, task.contactId, task.opportunityId),
    task.contactId === null ? [] : openTasksOfContact(deps.store, actor.tenantId, task.contactId),
  ]);
  const completed = completeRule({ task, outcome, contact, opportunity, openTasks, ...extra }, ctx);
  const { versions } = await deps.store.commit(actor.tenantId, completed);
  const done = completed.value.task;
  return {
    task: done,
    followUp: completed.value.followUp,
    opportunity,
    version: versionOf(versions, done),
    seenBy: ctx,
  };
};

/** Both edits as one write of the task: a batch may not touch the same row twice. */
const combine = (moved: Outcome<Task>, revised: Outcome<Task>): Outcome<Task> => {
  if (revised.changes.length === 0) return moved;
  if (moved.changes.length === 0) return revised;
  return {
    ...moved,
    value: revised.value,
    changes: moved.changes.map((change) =>
      change.entity === "task" && change.after?.id === revised.value.id
        ? { ...change, after: revised.value }
        : change,
    ),
  };
};

/**
 * Reschedules (the agenda's edit, the reminder card's Snooze), renames or, for managers, hands
 * an open task to another owner, as one write. Nothing to change writes nothing.
 */
export const updateTask = async (
  deps: ServiceDeps,
  actor: Viewer,
  taskId: string,
  patch: TaskPatch,
  ifMatch?: string | null,
): Promise<SavedTask> => {
  const acting = await actingContext(deps, actor);
  const loaded = await loadTask(deps, actor, taskId, acting.settings);
  const task = basedOn(loaded.task, ifMatch);
  const { opportunity } = loaded;
  const ctx = patch.dueAt === undefined ? acting : await withOwnerZone(deps, acting, task.ownerId);
  const moved =
    patch.dueAt === undefined
      ? unchanged(task)
      : rescheduleTask({ task, opportunity, dueAt: patch.dueAt }, ctx);
  const revised = reviseTask(
    {
      task: moved.value,
      opportunity,
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.ownerId !== undefined ? { ownerId: patch.ownerId } : {}),
    },
    ctx,
  );
  const outcome = combine(moved, revised);
  if (outcome.changes.length === 0) {
    return { task, opportunity, version: task.version, seenBy: ctx };
  }
  if (outcome.value.ownerId !== task.ownerId) {
    await assertActiveOwner(deps, outcome.value, "The new owner is not an active user.");
  }
  return commitTask(deps, ctx, outcome, opportunity);
};

/** Cancels an open task and stops its reminders. */
export const cancelTask = async (
  deps: ServiceDeps,
  actor: Viewer,
  taskId: string,
  ifMatch?: string | null,
): Promise<SavedTask> => {
  const ctx = await actingContext(deps, actor);
  const loaded = await loadTask(deps, actor, taskId, ctx.settings);
  const task = basedOn(loaded.task, ifMatch);
  const outcome = cancelRule({ task, opportunity: loaded.opportunity }, ctx);
  return commitTask(deps, ctx, outcome, loaded.opportunity);
};
