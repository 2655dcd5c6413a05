import { type Opportunity, redactHiddenContact, redactHiddenTask, type Task } from "@dealflow/core";

declare const shownBrand: unique symbol;

/**
 * A record as its reader may see it: a hidden marketplace client redacted (SPEC §4.4). Cards
 * take only these, and only the functions below make them, so no card, bot answer or refresh
 * can be built from a raw record.
 */
export type Shown<T> = T & { readonly [shownBrand]: true };

/** The opportunity with a hidden client's identity and contact data removed. */
export const showOpportunity = (stored: Opportunity): Shown<Opportunity> =>
  redactHiddenContact(stored) as Shown<Opportunity>;

/** The task with a hidden client's name out of its title; `stored` is its opportunity, if any. */
export const showTask = (task: Task, stored: Opportunity | null): Shown<Task> =>
  redactHiddenTask(task, stored) as Shown<Task>;
