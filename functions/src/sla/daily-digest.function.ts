import type { AppDeps } from "../app-deps.js";
import type { TimerFunctionDefinition } from "../registry/function-definition.js";
import { runDailyDigest } from "./daily-digest.js";

/** Hourly, on the hour (UTC): each run serves the users for whom it is 08:00 local time. */
export const dailyDigestFunction = (
  deps: Pick<AppDeps, "store" | "clock">,
): TimerFunctionDefinition => ({
  name: "dailyDigest",
  trigger: "timer",
  schedule: "0 0 * * * *",
  handler: async (_timer, context) => {
    const report = await runDailyDigest(deps.store, deps.clock());
    if (report.sent + report.repeated > 0) {
      context.log(`daily digest: sent ${report.sent}, already sent ${report.repeated}`);
    }
  },
});
