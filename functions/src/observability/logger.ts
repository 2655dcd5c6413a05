import type { InvocationContext } from "@azure/functions";
import { correlationIdOf, correlationOfMessage } from "./correlation.js";

export type LogLevel = "info" | "warn" | "error";
/** Searchable fields of a line; `tenantId` and `correlationId` are on every line that has them. */
export type LogFields = { tenantId?: string; correlationId?: string } & Record<string, unknown>;

export type StructuredLogger = {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  /** The same logger with more fields on every line (a tenant once it is known). */
  with(fields: LogFields): StructuredLogger;
};

/** Where lines go: one JSON string per call, by level. */
export type LogSink = Record<LogLevel, (line: string) => void>;

/** Errors as their name, code and message; stacks only for the unexpected (`error` level). */
const serialize = (value: unknown, level: LogLevel): unknown => {
  if (!(value instanceof Error)) return value;
  const { code } = value as { code?: unknown };
  return {
    name: value.name,
    message: value.message,
    ...(code === undefined ? {} : { code }),
    ...(level === "error" && value.stack ? { stack: value.stack } : {}),
  };
};

/**
 * JSON lines (Application Insights and `jq` both query them) with a timestamp, the level, the
 * message and the fields. A field that cannot be serialized becomes a note, never a throw:
 * logging must not be what fails a request.
 */
export const createLogger = (
  sink: LogSink,
  base: LogFields = {},
  clock: () => Date = () => new Date(),
): StructuredLogger => {
  const write = (level: LogLevel, message: string, fields: LogFields = {}) => {
    const entries = Object.entries({ ...base, ...fields }).map(([k, v]) => [
      k,
      serialize(v, level),
    ]);
    const record = { at: clock().toISOString(), level, message, ...Object.fromEntries(entries) };
    let line: string;
    try {
      line = JSON.stringify(record);
    } catch {
      line = JSON.stringify({ at: record.at, level, message, note: "fields not serializable" });
    }
    sink[level](line);
  };
  return {
    info: (message, fields) => write("info", message, fields),
    warn: (message, fields) => write("warn", message, fields),
    error: (message, fields) => write("error", message, fields),
    with: (fields) => createLogger(sink, { ...base, ...fields }, clock),
  };
};

/** Lines outside an invocation (start-up, the local host) to the console. */
export const consoleLogger = (base: LogFields = {}): StructuredLogger =>
  createLogger({ info: console.info, warn: console.warn, error: console.error }, base);

/**
 * An invocation's logger: through its InvocationContext (so the host ties the line to the
 * invocation), correlated by the trace context the host passes, a queue message's
 * `correlationId`, or the invocation id.
 */
export const invocationLogger = (
  context: InvocationContext,
  fields: LogFields & { message?: unknown } = {},
): StructuredLogger => {
  const { message, ...rest } = fields;
  const correlationId =
    correlationOfMessage(message) ??
    correlationIdOf({
      traceparent: context.traceContext?.traceParent,
      invocationId: context.invocationId,
    });
  return createLogger(
    {
      info: (line) => context.log(line),
      warn: (line) => context.warn(line),
      error: (line) => context.error(line),
    },
    { correlationId, ...rest },
  );
};
