import type { Activity } from "../activity/activity.types.js";
import type { Contact } from "../contact/contact.types.js";
import type { Note } from "../note/note.types.js";
import type { NotificationIntent } from "../notification/notification.types.js";
import type { Opportunity } from "../opportunity/opportunity.types.js";
import type { Review, ReviewLink } from "../reviews/review.types.js";
import type { Offer, RoutingTarget } from "../routing/routing.types.js";
import type { Settings } from "../settings/settings.js";
import type { Deadline, DeadlineRef } from "../sla/deadline.types.js";
import type { Task } from "../task/task.types.js";
import type { User } from "../user/user.types.js";

/**
 * One record before and after a use case. `before: null` creates (the write fails if it
 * exists), `after: null` deletes; otherwise the write is conditional on `before.version`
 * when present. Storage derives index rows from both sides, so a change never leaves an
 * index row pointing at an old state.
 */
export type EntityChange =
  | { entity: "opportunity"; before: Opportunity | null; after: Opportunity | null }
  | { entity: "contact"; before: Contact | null; after: Contact | null }
  | { entity: "task"; before: Task | null; after: Task | null }
  | { entity: "note"; before: null; after: Note }
  | { entity: "activity"; before: null; after: Activity }
  | { entity: "user"; before: User | null; after: User | null }
  | { entity: "routing-target"; before: RoutingTarget | null; after: RoutingTarget | null }
  | { entity: "offer"; before: Offer | null; after: Offer | null }
  | { entity: "settings"; before: (Settings & { version?: string }) | null; after: Settings }
  /** The outbox: created with the change it reports (see NotificationIntent). */
  | { entity: "notification"; before: NotificationIntent | null; after: NotificationIntent }
  /** A client's review, kept with the target's new rating (SPEC §4.5); never changed. */
  | { entity: "review"; before: null; after: Review }
  | { entity: "review-link"; before: ReviewLink | null; after: ReviewLink };

export type EntityKind = EntityChange["entity"];

/** What a use case decided: records to write atomically, and clocks to start or stop. */
export type ChangeSet = {
  changes: EntityChange[];
  schedule: Deadline[];
  cancel: DeadlineRef[];
};

/** A use case's answer: the change set plus the main record it produced, for the caller. */
export type Outcome<T> = ChangeSet & { value: T };

export const emptyChangeSet = (): ChangeSet => ({ changes: [], schedule: [], cancel: [] });

/** An edit that finds its record already as asked writes nothing (a retried action is harmless). */
export const unchanged = <T>(value: T): Outcome<T> => ({ value, ...emptyChangeSet() });

export const mergeChangeSets = (...sets: ChangeSet[]): ChangeSet => ({
  changes: sets.flatMap((set) => set.changes),
  schedule: sets.flatMap((set) => set.schedule),
  cancel: sets.flatMap((set) => set.cancel),
});
