import type { AppDeps } from "../app-deps.js";
import { queuePublisher } from "../notifications/notifications-queue.js";
import type { TimerFunctionDefinition } from "../registry/function-definition.js";
import { runSweep } from "./sla-sweep.js";

/** Every minute: fires what is due and catches up whatever a missed run left (SPEC §5). */
export const slaSweepFunction = (
  deps: Pick<AppDeps, "store" | "queue" | "clock" | "config"> & Partial<Pick<AppDeps, "graph">>,
): TimerFunctionDefinition => ({
  name: "slaSweep",
  trigger: "timer",
  schedule: "0 */1 * * * *",
  handler: async (_timer, context) => {
    const report = await runSweep({
      store: deps.store,
      // The sweep publishes only rows committed before: the relay and repeated firings.
      publish: queuePublisher(deps.queue, { resend: true }),
      clock: deps.clock,
      leaseSeconds: deps.config.sweepLeaseSeconds,
      ...(deps.graph ? { calendar: deps.graph.calendar } : {}),
      log: { info: context.log.bind(context), warn: context.warn.bind(context) },
    });
    if (report.rows.length > 0) {
      context.log(
        `fired ${report.fired}, skipped ${report.skipped}, failed ${report.failed}, busy ${report.busy}, dead-lettered ${report.deadLettered}; watermark ${report.watermark}`,
      );
    }
  },
});
