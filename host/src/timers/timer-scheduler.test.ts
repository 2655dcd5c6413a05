import type { Timer } from "@azure/functions";
import type { TimerFunctionDefinition } from "@dealflow/functions/hosting";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createRecordingLogger } from "../recording-logger.test-support.js";
import { createTimerScheduler } from "./timer-scheduler.js";

const START = new Date("2025-03-10T09:00:30.000Z");

const everyMinute = (
  handler: TimerFunctionDefinition["handler"],
  extra: Partial<TimerFunctionDefinition> = {},
): TimerFunctionDefinition => ({
  name: "sweep",
  trigger: "timer",
  schedule: "0 */1 * * * *",
  handler,
  ...extra,
});

const schedulerFor = (definition: TimerFunctionDefinition) => {
  const log = createRecordingLogger();
  const scheduler = createTimerScheduler({
    definitions: [definition],
    clock: () => new Date(),
    log,
    drainMs: 1_000,
  });
  return { log, scheduler };
};

describe("createTimerScheduler", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: START });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("runs a timer at each occurrence of its schedule", async () => {
    const runs: string[] = [];
    const { scheduler } = schedulerFor(
      everyMinute(async (timer: Timer) => void runs.push(timer.scheduleStatus.next)),
    );

    scheduler.start();
    await vi.advanceTimersByTimeAsync(3 * 60_000);
    await scheduler.stop();

    expect(runs).toEqual([
      "2025-03-10T09:02:00.000Z",
      "2025-03-10T09:03:00.000Z",
      "2025-03-10T09:04:00.000Z",
    ]);
  });

  it("skips an occurrence while the previous run is still going", async () => {
    let started = 0;
    let finish = () => {};
    const { scheduler, log } = schedulerFor(
      everyMinute(() => {
        started += 1;
        return new Promise<void>((resolve) => {
          finish = resolve;
        });
      }),
    );

    scheduler.start();
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(started).toBe(1);
    expect(log.entries.map((entry) => entry.message)).toContain(
      'Timer "sweep" skipped 2025-03-10T09:02:00.000Z: the previous run is still going',
    );

    finish();
    await vi.advanceTimersByTimeAsync(60_000);
    finish();
    await scheduler.stop();
    expect(started).toBe(2);
  });

  it("logs a failed run and keeps to the schedule", async () => {
    let calls = 0;
    const { scheduler, log } = schedulerFor(
      everyMinute(async () => {
        calls += 1;
        throw new Error("storage down");
      }),
    );

    scheduler.start();
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    await scheduler.stop();

    expect(calls).toBe(2);
    expect(log.entries.filter((entry) => entry.level === "error")).toHaveLength(2);
  });

  it("runs once at start when runOnStartup is set", async () => {
    let calls = 0;
    const count = async () => {
      calls += 1;
    };
    const { scheduler } = schedulerFor(everyMinute(count, { runOnStartup: true }));

    scheduler.start();
    await vi.advanceTimersByTimeAsync(0);
    await scheduler.stop();

    expect(calls).toBe(1);
  });

  it("runs nothing after stop", async () => {
    let calls = 0;
    const count = async () => {
      calls += 1;
    };
    const { scheduler } = schedulerFor(everyMinute(count));

    scheduler.start();
    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(5 * 60_000);

    expect(calls).toBe(0);
  });

  it("stops without waiting forever for a run that hangs", async () => {
    const { scheduler, log } = schedulerFor(everyMinute(() => new Promise<void>(() => {})));

    scheduler.start();
    await vi.advanceTimersByTimeAsync(60_000);
    const stopping = scheduler.stop();
    await vi.advanceTimersByTimeAsync(1_000);
    await stopping;

    expect(log.entries.at(-1)?.message).toBe("Stopped with timer runs still in progress");
  });

  it("refuses a bad schedule up front, naming the function", () => {
    const definition = everyMinute(async () => {}, { schedule: "0 */5 * * *" });

    expect(() => schedulerFor(definition)).toThrow(
      'Timer "sweep": "0 */5 * * *" is not an NCRONTAB',
    );
  });
});
