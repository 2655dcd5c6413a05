import {
  type ChangeSet,
  type Deadline,
  type DeadlineKind,
  type Firing,
  firstContactFiring,
  isDomainError,
  type NotificationIntent,
  needsRelay,
  taskFiring,
} from "@dealflow/core";
import { reapImport } from "../features/import/index.js";
import { fireVisibilityClock } from "../features/marketplace/index.js";
import { expireOffer } from "../features/routing/index.js";
import type { Calendar } from "../graph/calendar.js";
import type { NotificationPublisher, Store } from "../storage/store.js";

/** What a firing deadline did: wrote (or found) its effect, or found its subject not due. */
/**
 * "absent": the deadline's subject was not found. Its hint may have been written just before
 * the record (tenant-commit.ts writes hints first), so the sweep looks once more before it
 * drops the hint (sla-sweep.ts, ABSENT_RECHECK_MS).
 */
export type DeadlineOutcome = "fired" | "skipped" | "absent";

export type DeadlineContext = {
  store: Store;
  now: Date;
  publish: NotificationPublisher;
  /** Where a revealed client's meeting is written (Graph); without one it stays on the record. */
  calendar?: Calendar;
};

/** Reads the deadline's subject (one storage read), re-checks it and applies the effect. */
export type DeadlineHandler = (
  deadline: Deadline,
  ctx: DeadlineContext,
) => Promise<DeadlineOutcome>;

/** One handler per kind. null: no producer of that kind exists yet (see docs/storage.md). */
export type DeadlineHandlers = { readonly [K in DeadlineKind]: DeadlineHandler | null };

/**
 * Writes a firing's effect: the outbox row (id derived from the deadline id) and whatever
 * records the effect changes, in one transaction, without a relay hint — the row is completed
 * only after the queue took the message, else the deadline repeats. A repeat finds the outbox
 * row already there: the effect happened once; the message is queued again (delivery is
 * idempotent by notification id) so that a send lost before the crash is not lost for good.
 */
export const commitEffect = async (
  ctx: DeadlineContext,
  notification: NotificationIntent,
  changeSet: ChangeSet = { changes: [], schedule: [], cancel: [] },
): Promise<"new" | "repeat"> => {
  const effect: ChangeSet = {
    ...changeSet,
    changes: [...changeSet.changes, { entity: "notification", before: null, after: notification }],
  };
  try {
    await ctx.store.commit(notification.tenantId, effect, { relay: false });
    return "new";
  } catch (error) {
    if (!isDomainError(error) || error.code !== "already-exists") throw error;
    // Another row of the change set could be the one that exists: only ours proves a repeat.
    const earlier = await ctx.store.getNotification(notification.tenantId, notification.id);
    if (earlier === null) throw error;
    if (needsRelay(earlier)) await ctx.publish([earlier]);
    return "repeat";
  }
};

const applyFiring = async (firing: Firing, ctx: DeadlineContext): Promise<DeadlineOutcome> => {
  if (!firing.fire) return firing.reason === "subject-gone" ? "absent" : "skipped";
  await commitEffect(ctx, firing.notification);
  return "fired";
};

const firstContact: DeadlineHandler = async (deadline, ctx) =>
  applyFiring(
    firstContactFiring(
      deadline,
      await ctx.store.getOpportunity(deadline.tenantId, deadline.subjectId),
      ctx.now,
    ),
    ctx,
  );

const task: DeadlineHandler = async (deadline, ctx) =>
  applyFiring(
    taskFiring(deadline, await ctx.store.getTask(deadline.tenantId, deadline.subjectId), ctx.now),
    ctx,
  );

/** Re-queues an outbox row whose queue message may have been lost (see relayDeadline). */
const notificationRelay: DeadlineHandler = async (deadline, ctx) => {
  const notification = await ctx.store.getNotification(deadline.tenantId, deadline.subjectId);
  if (notification === null) return "absent";
  if (!needsRelay(notification)) return "skipped";
  await ctx.publish([notification]);
  return "fired";
};

/** SPEC §4.4/§5 visibility clocks, as the marketplace feature fires them (at the sweep's now). */
const visibilityHandler =
  (clock: "reminder" | "reveal"): DeadlineHandler =>
  (deadline, ctx) =>
    fireVisibilityClock(
      {
        store: ctx.store,
        clock: () => ctx.now,
        ...(ctx.calendar ? { calendar: ctx.calendar } : {}),
      },
      deadline,
      clock,
    );

/** SPEC §5 routing offer expiry, as the routing feature decides it (at the sweep's now). */
const offerExpiry: DeadlineHandler = (deadline, ctx) =>
  expireOffer({ store: ctx.store, clock: () => ctx.now }, deadline);

/** An import never published: remove what it staged (see reapImport). */
const importExpiry: DeadlineHandler = (deadline, ctx) =>
  reapImport(ctx.store, deadline.tenantId, deadline.subjectId, ctx.now);

/** The one place a kind of deadline gets its behaviour. */
export const DEADLINE_HANDLERS: DeadlineHandlers = {
  "first-contact-target": firstContact,
  "first-contact-escalation": firstContact,
  "task-due-soon": task,
  "task-due": task,
  "task-overdue-escalation": task,
  "notification-relay": notificationRelay,
  "marketplace-reminder": visibilityHandler("reminder"),
  "marketplace-reveal": visibilityHandler("reveal"),
  "offer-expiry": offerExpiry,
  "import-expiry": importExpiry,
};
