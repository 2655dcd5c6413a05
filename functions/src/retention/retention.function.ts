import type { AppDeps } from "../app-deps.js";
import type { TimerFunctionDefinition } from "../registry/function-definition.js";
import { runRetention } from "./retention.js";

/** Every night at 03:30 UTC: purges what retention allows (issue 23), one host at a time. */
export const retentionFunction = (
  deps: Pick<AppDeps, "store" | "clock">,
): TimerFunctionDefinition => ({
  name: "retention",
  trigger: "timer",
  schedule: "0 30 3 * * *",
  handler: async (_timer, context) => {
    const report = await runRetention({
      store: deps.store,
      clock: deps.clock,
      log: { info: context.log.bind(context), warn: context.warn.bind(context) },
    });
    if (!report.ran) return;
    const deleted = Object.entries(report.deleted)
      .filter(([, count]) => count > 0)
      .map(([kind, count]) => `${kind} ${count}`);
    context.log(
      `retention: ${report.tenants} tenant(s), deleted ${deleted.join(", ") || "nothing"}${report.complete ? "" : "; resumes next run"}`,
    );
  },
});
