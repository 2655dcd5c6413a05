import type { Logger } from "@dealflow/functions/hosting";

export type LogEntry = { level: "info" | "warn" | "error"; message: string; details: unknown[] };

/** A logger that keeps what it is told, so tests can assert on it and output stays quiet. */
export const createRecordingLogger = (): Logger & { entries: LogEntry[] } => {
  const entries: LogEntry[] = [];
  const record =
    (level: LogEntry["level"]) =>
    (message: string, ...details: unknown[]) =>
      void entries.push({ level, message, details });
  return { entries, info: record("info"), warn: record("warn"), error: record("error") };
};
