import type { Timer } from "@azure/functions";
import type { Logger, TimerFunctionDefinition } from "@dealflow/functions/hosting";
import { createInvocationContext } from "../invocation-context.js";
import { type NcrontabSchedule, nextOccurrence, parseNcrontab } from "./ncrontab.js";

export type TimerScheduler = {
  start(): void;
  /** Cancels what is scheduled and waits (up to `drainMs`) for runs in progress. */
  stop(): Promise<void>;
};

export type TimerSchedulerOptions = {
  definitions: readonly TimerFunctionDefinition[];
  clock: () => Date;
  log: Logger;
  drainMs?: number;
};

type Job = {
  definition: TimerFunctionDefinition;
  schedule: NcrontabSchedule;
  timeout?: NodeJS.Timeout;
  running?: Promise<void>;
  last?: Date;
};

// setTimeout's delay is a signed 32-bit count of ms; longer waits are taken in steps.
const MAX_DELAY_MS = 2 ** 31 - 1;
const PAST_DUE_AFTER_MS = 5_000;

/**
 * Runs timer functions on their NCRONTAB schedules, as the Functions host does: a run never
 * overlaps the previous run of the same function (that occurrence is skipped), and an error is
 * logged without stopping later runs. Schedules are parsed up front so a bad one fails startup.
 */
export const createTimerScheduler = (options: TimerSchedulerOptions): TimerScheduler => {
  const jobs: Job[] = options.definitions.map((definition) => ({
    definition,
    schedule: parseSchedule(definition),
  }));
  let stopped = false;

  const arm = (job: Job) => {
    if (stopped) return;
    const now = options.clock();
    const due = nextOccurrence(job.schedule, now);
    if (due === undefined) {
      options.log.warn(`Timer "${job.definition.name}" (${job.schedule.expression}) never fires`);
      return;
    }
    const delay = Math.min(due.getTime() - now.getTime(), MAX_DELAY_MS);
    job.timeout = setTimeout(() => {
      // Timers can fire a little early or, for long waits, in steps: only run once due.
      if (options.clock().getTime() >= due.getTime()) fire(job, due);
      arm(job);
    }, delay);
  };

  const fire = (job: Job, due: Date) => {
    if (job.running) {
      options.log.warn(
        `Timer "${job.definition.name}" skipped ${due.toISOString()}: the previous run is still going`,
      );
      return;
    }
    job.running = run(job, due).finally(() => {
      job.running = undefined;
    });
  };

  const run = async (job: Job, due: Date) => {
    const now = options.clock();
    const timer: Timer = {
      isPastDue: now.getTime() - due.getTime() > PAST_DUE_AFTER_MS,
      schedule: { adjustForDST: false },
      scheduleStatus: {
        last: (job.last ?? due).toISOString(),
        next: (nextOccurrence(job.schedule, due) ?? due).toISOString(),
        lastUpdated: now.toISOString(),
      },
    };
    job.last = due;
    try {
      await job.definition.handler(
        timer,
        createInvocationContext(job.definition.name, options.log),
      );
    } catch (error) {
      options.log.error(`Timer "${job.definition.name}" failed:`, error);
    }
  };

  return {
    start() {
      for (const job of jobs) {
        if (job.definition.runOnStartup) fire(job, options.clock());
        arm(job);
      }
    },
    async stop() {
      stopped = true;
      for (const job of jobs) clearTimeout(job.timeout);
      const running = jobs.flatMap((job) => (job.running ? [job.running] : []));
      if (running.length === 0) return;
      let timer: NodeJS.Timeout | undefined;
      const drained = await Promise.race([
        Promise.allSettled(running).then(() => true),
        new Promise<false>((resolve) => {
          timer = setTimeout(() => resolve(false), options.drainMs ?? 10_000);
        }),
      ]);
      clearTimeout(timer);
      if (!drained) options.log.warn("Stopped with timer runs still in progress");
    },
  };
};

const parseSchedule = (definition: TimerFunctionDefinition): NcrontabSchedule => {
  try {
    return parseNcrontab(definition.schedule);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Timer "${definition.name}": ${reason}`);
  }
};
