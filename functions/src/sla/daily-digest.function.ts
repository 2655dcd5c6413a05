import type { AppDeps } from "../app-deps.js";
import type { TimerFunctionDefinition } from "../registry/function-definition.js";
import { runDailyDigest } from "./daily-digest.js";

/** Every quarter hour (core's DIGEST_RUN_MINUTES): each run serves those for whom it is 08:00. */
export const dailyDigestFunction = (
  deps: Pick<AppDeps, "store" | "clock">,
): TimerFunctionDefinition => ({
  name: "dailyDigest",
  trigger: "timer",
  schedule: "0 */15 * * * *",
  handler: async (_timer, context) => {
    const report = await runDailyDigest(deps.store, deps.clock());
    if (report.sent + report.repeated > 0) {
      context.log(`daily digest: sent ${report.sent}, already sent ${report.repeated}`);
    }
  },
});
