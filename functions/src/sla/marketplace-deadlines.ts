import {
  type Deadline,
  marketplaceReminderFired,
  marketplaceRevealFired,
  type Opportunity,
  type UseCaseContext,
  ulidGenerator,
  type VisibilityFiring,
} from "@dealflow/core";
import { executeIntents } from "../features/marketplace/marketplace-intents.js";
import type { DeadlineContext, DeadlineHandler } from "./deadline-handlers.js";

const ids = ulidGenerator();

type Firing = (
  deadline: Deadline,
  opportunity: Opportunity | null,
  ctx: UseCaseContext,
) => VisibilityFiring;

/**
 * SPEC §4.4/§5 visibility clocks (docs/marketplace.md). The use case re-checks the
 * opportunity (still hidden, still holding this clock) and its change removes the clock's
 * ref in the same ETag-conditional write, so a second sweep or a retried run finds nothing
 * to do. The timeline line it writes notifies the owner and the followers.
 */
const visibilityHandler =
  (firing: Firing): DeadlineHandler =>
  async (deadline, ctx) => {
    const { tenantId } = deadline;
    const [opportunity, settings] = await Promise.all([
      ctx.store.getOpportunity(tenantId, deadline.subjectId),
      ctx.store.getSettings(tenantId),
    ]);
    const useCase: UseCaseContext = { now: ctx.now, actor: null, tenantId, settings, ids };
    const fired = firing(deadline, opportunity, useCase);
    if (!fired.fire) return "skipped";
    // A conflict (an event wrote the opportunity since it was read) throws: the row stays for
    // the next sweep, which re-reads it and skips if the client has reacted meanwhile.
    await ctx.store.commit(tenantId, fired);
    await runIntents(ctx, tenantId, fired);
    return "fired";
  };

/** The calendar, when the sweep is given one; without it the meeting stays on the record. */
const runIntents = async (
  ctx: DeadlineContext,
  tenantId: string,
  fired: Extract<VisibilityFiring, { fire: true }>,
) => {
  if (ctx.calendar === undefined || fired.intents.length === 0) return;
  try {
    await executeIntents({ store: ctx.store, calendar: ctx.calendar }, tenantId, fired.intents);
  } catch {
    // The reveal is committed; repeating the row would find nothing to reveal again.
  }
};

export const marketplaceReminderHandler = visibilityHandler(marketplaceReminderFired);
export const marketplaceRevealHandler = visibilityHandler(marketplaceRevealFired);
