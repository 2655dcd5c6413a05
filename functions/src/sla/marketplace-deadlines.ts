import { fireVisibilityClock } from "../features/marketplace/index.js";
import type { DeadlineHandler } from "./deadline-handlers.js";

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

export const marketplaceReminderHandler = visibilityHandler("reminder");
export const marketplaceRevealHandler = visibilityHandler("reveal");
