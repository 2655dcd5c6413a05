import { randomUUID } from "node:crypto";

// W3C Trace Context: version-traceid-parentid-flags, a trace id of 32 hex digits, not all zero.
const TRACEPARENT = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/;

/** The trace id of a `traceparent` header, or null when absent or malformed. */
export const traceIdOf = (traceparent: string | null | undefined): string | null => {
  const traceId = TRACEPARENT.exec(traceparent?.trim().toLowerCase() ?? "")?.[1];
  return traceId === undefined || /^0+$/.test(traceId) ? null : traceId;
};

/**
 * One id to find every log line of a unit of work: the trace id when the caller (the tab, the
 * Functions host) sent a `traceparent`, so our lines join Application Insights' trace; else
 * the invocation id; else a fresh one.
 */
export const correlationIdOf = (source: {
  traceparent?: string | null;
  invocationId?: string | null;
}): string => traceIdOf(source.traceparent) ?? source.invocationId ?? randomUUID();

/** The field a queue message carries its producer's correlation id in. */
export type Correlated = { correlationId?: string };

/**
 * A queue message stamped with the producer's correlation id, so the consumer's lines share
 * it. Consumers' type guards ignore the extra field, so old and new messages mix safely.
 */
export const withCorrelation = <T extends object>(
  message: T,
  correlationId: string | undefined,
): T & Correlated => (correlationId === undefined ? message : { ...message, correlationId });

/** The correlation id a message carries, if it is a well-formed one. */
export const correlationOfMessage = (message: unknown): string | undefined => {
  const value = (message as Correlated | null)?.correlationId;
  return typeof value === "string" && /^[\w-]{1,64}$/.test(value) ? value : undefined;
};
