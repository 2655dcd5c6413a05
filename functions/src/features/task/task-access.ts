import type { Task as TaskView } from "@dealflow/contract";
import {
  canChangeTask,
  canRead,
  DomainError,
  isManager,
  type Opportunity,
  redactHiddenContact,
  redactHiddenText,
  type Settings,
  type Task,
  type Viewer,
} from "@dealflow/core";
import type { ServiceDeps } from "../../service-kit/service-deps.js";
import { taskKey } from "../../storage/rows/task.rows.js";

export type LoadedTask = { task: Task; opportunity: Opportunity | null };

const notFound = () => new DomainError("not-found", "The task does not exist.");

/**
 * Who sees a task: its owner (a manager may have handed them work on an opportunity they
 * cannot otherwise see), whoever may read its opportunity, and managers. Anyone else: 404.
 */
export const canSeeTask = (
  viewer: Viewer,
  loaded: LoadedTask,
  settings: Pick<Settings, "managerIds" | "pipelines">,
): boolean => {
  if (loaded.task.tenantId !== viewer.tenantId) return false;
  if (loaded.task.ownerId === viewer.userId || isManager(viewer, settings)) return true;
  return loaded.opportunity !== null && canRead(viewer, loaded.opportunity, settings);
};

/** The task (with its version) and its opportunity, or 404 when the user may not see it. */
export const loadTask = async (
  deps: Pick<ServiceDeps, "store">,
  viewer: Viewer,
  id: string,
  settings: Pick<Settings, "managerIds" | "pipelines">,
): Promise<LoadedTask> => {
  const task = await deps.store.getTask(viewer.tenantId, id);
  if (task === null) throw notFound();
  const opportunity =
    task.opportunityId === null
      ? null
      : await deps.store.getOpportunity(viewer.tenantId, task.opportunityId);
  const loaded = { task, opportunity };
  if (!canSeeTask(viewer, loaded, settings)) throw notFound();
  return loaded;
};

/** The opportunities of a page of tasks, each read once. */
export const opportunitiesOf = async (
  deps: Pick<ServiceDeps, "store">,
  tenantId: string,
  tasks: readonly Task[],
): Promise<Map<string, Opportunity>> => {
  const ids = [...new Set(tasks.flatMap((t) => (t.opportunityId ? [t.opportunityId] : [])))];
  const found = await Promise.all(ids.map((id) => deps.store.getOpportunity(tenantId, id)));
  return new Map(found.flatMap((o) => (o ? [[o.id, o] as const] : [])));
};

/** Who a task is shown to, under which settings: the answer says what they may do with it. */
export type TaskReader = { actor: Viewer; settings: Pick<Settings, "managerIds" | "pipelines"> };

export const presentTask = (
  task: Task,
  opportunity: Opportunity | null,
  reader: TaskReader,
): TaskView => {
  const shown = opportunity === null ? null : redactHiddenContact(opportunity);
  return {
    id: task.id,
    kind: task.kind,
    // Default titles embed the contact's name ("First contact: Ana García").
    title: opportunity === null ? task.title : redactHiddenText(task.title, opportunity),
    ownerId: task.ownerId,
    dueAt: task.dueAt,
    status: task.status,
    outcome: task.outcome,
    origin: task.origin,
    opportunityId: task.opportunityId,
    contactId: task.contactId,
    createdAt: task.createdAt,
    createdBy: task.createdBy,
    completedAt: task.completedAt,
    opportunity:
      shown === null
        ? null
        : {
            id: shown.id,
            title: shown.title,
            stage: shown.stage,
            status: shown.status,
            contactName: shown.contact.name,
          },
    permissions: { change: canChangeTask(reader.actor, task, opportunity, reader.settings) },
  };
};

/** The ETag of a task just written: the new version of its main row. */
export const versionOf = (versions: ReadonlyMap<string, string>, task: Task): string | undefined =>
  versions.get(taskKey(task.id));
