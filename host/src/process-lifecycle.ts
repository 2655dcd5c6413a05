import type { Logger } from "@dealflow/functions/hosting";

export type ProcessLifecycle = {
  /** Registers how to stop something just started; stops run in reverse order. */
  onStop(stop: () => Promise<void>): void;
  /** Throws `StopRequested` if a signal arrived while starting, so startup unwinds. */
  checkpoint(): void;
  /** Startup finished: from now on a signal stops everything at once. */
  running(): void;
  /** Stops everything registered (once), then exits with `code`. */
  exit(code: number): Promise<never>;
};

export class StopRequested extends Error {
  constructor() {
    super("Stopped by a signal during startup");
    this.name = "StopRequested";
  }
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
// Every stop is bounded (Azurite is SIGKILLed after 5 s), so this only guards against a bug.
const FORCED_EXIT_MS = 30_000;

/**
 * Owns the process's life: SIGINT/SIGTERM/SIGHUP and uncaught errors stop what was started, by
 * the handles it returned (Azurite by its PID), so nothing is left behind. Signals that arrive
 * while starting are honoured at the next checkpoint; repeated signals are ignored.
 */
export const createProcessLifecycle = (log: Logger): ProcessLifecycle => {
  const stops: (() => Promise<void>)[] = [];
  let phase: "starting" | "running" | "stopping" = "starting";
  let stopRequested = false;

  const exit = async (code: number): Promise<never> => {
    if (phase !== "stopping") {
      phase = "stopping";
      setTimeout(() => process.exit(code === 0 ? 1 : code), FORCED_EXIT_MS).unref();
      for (const stop of stops.reverse()) {
        await stop().catch((error: unknown) => log.error("Stopping failed:", error));
      }
      process.exit(code);
    }
    return new Promise<never>(() => {});
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (phase === "stopping") return;
    log.info(`${signal}: stopping Dealflow`);
    if (phase === "starting") stopRequested = true;
    else void exit(0);
  };
  const onFatal = (error: unknown) => {
    log.error("Fatal error, stopping:", error);
    void exit(1);
  };

  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on("uncaughtException", onFatal);
  process.on("unhandledRejection", onFatal);

  return {
    onStop: (stop) => void stops.push(stop),
    checkpoint() {
      if (stopRequested) throw new StopRequested();
    },
    running() {
      phase = "running";
      // `npm start` ended by SIGTERM to npm leaves us orphaned (npm does not forward it):
      // a changed parent means whoever started us is gone, so stop as if signalled.
      const parent = process.ppid;
      setInterval(() => {
        if (process.ppid !== parent) onSignal("SIGHUP");
      }, 500).unref();
    },
    exit,
  };
};
