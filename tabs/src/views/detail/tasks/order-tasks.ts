import type { Task } from "@dealflow/contract";

const time = (iso: string | null) => (iso === null ? 0 : Date.parse(iso));

/**
 * The detail's task list: what is still to do first, soonest due first; then what is over
 * (done or cancelled), most recently closed first.
 */
export const orderTasks = (tasks: readonly Task[]): { open: Task[]; closed: Task[] } => ({
  open: tasks
    .filter((task) => task.status === "open")
    .sort((a, b) => time(a.dueAt) - time(b.dueAt)),
  closed: tasks
    .filter((task) => task.status !== "open")
    .sort((a, b) => time(b.completedAt ?? b.dueAt) - time(a.completedAt ?? a.dueAt)),
});
