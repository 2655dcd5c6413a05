import { taskRecord } from "../../functions/src/storage/records.test-support.js";
import type { BenchCase } from "./bench-kit.js";
import { fixed } from "./bench-kit.js";
import { addDueTasks, clockedStore, TENANT, timedSweep } from "./sla-bench-support.js";

const LATENESS_MINUTES = 30;
const LATENESS_DEADLINES = 300;

/**
 * Reminder lateness with a one-minute timer: deadlines due at spread instants over half an
 * hour, the sweep run on every minute of a simulated clock; a reminder's lateness is the
 * simulated time from its due instant to its timer run, plus the measured time of that run.
 */
export const slaReminderLateness: BenchCase = {
  name: "sla-reminder-lateness",
  async run(ctx) {
    const target = await clockedStore(ctx);
    const start = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    target.setNow(start);
    const tasks = Array.from({ length: LATENESS_DEADLINES }, (_, i) =>
      taskRecord(TENANT, `late-${String(i).padStart(4, "0")}`, {
        // Spread by a step that is not a whole number of seconds, so due times fall anywhere.
        dueAt: new Date(
          start.getTime() + 1_000 + Math.floor((i * LATENESS_MINUTES * 60_000) / 301.7),
        ).toISOString(),
      }),
    );
    await addDueTasks(target.store, tasks, start);

    const lateness: number[] = [];
    for (let minute = 1; minute <= LATENESS_MINUTES + 1; minute++) {
      const tick = new Date(start.getTime() + minute * 60_000);
      target.setNow(tick);
      const { report, ms: runMs } = await timedSweep(target);
      for (const row of report.rows) {
        if (row.outcome !== "fired") continue;
        lateness.push(tick.getTime() - Date.parse(row.deadline.dueAt) + runMs);
      }
    }
    if (lateness.length !== LATENESS_DEADLINES) {
      throw new Error(`fired ${lateness.length} of ${LATENESS_DEADLINES}`);
    }
    lateness.sort((a, b) => a - b);
    const at = (q: number) =>
      (lateness[Math.min(lateness.length - 1, Math.ceil(q * lateness.length) - 1)] ?? 0) / 1000;
    return {
      title: "SLA sweep: reminder lateness with a one-minute timer",
      description: `${LATENESS_DEADLINES} task reminders due at spread instants over ${LATENESS_MINUTES} minutes; the sweep runs at every minute of a simulated clock (as \`0 */1 * * * *\` does). Lateness = simulated time from due to the run that fired it + the measured duration of that run.`,
      headers: ["p50 (s)", "p99 (s)", "max (s)", "goal"],
      rows: [[fixed(at(0.5), 1), fixed(at(0.99), 1), fixed(at(1), 1), "p99 ≤ 70 s"]],
      notes: [
        "A deadline waits at most one timer period for its run, plus the run's own duration; the Functions host's timer jitter (about a second) is not simulated.",
      ],
    };
  },
};
