import { expireOffer } from "../features/routing/index.js";
import type { DeadlineHandler } from "./deadline-handlers.js";

/** SPEC §5 routing offer expiry, as the routing feature decides it (at the sweep's now). */
export const offerExpiryHandler: DeadlineHandler = (deadline, ctx) =>
  expireOffer({ store: ctx.store, clock: () => ctx.now }, deadline);
