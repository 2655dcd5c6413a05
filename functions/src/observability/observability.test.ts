import { InvocationContext } from "@azure/functions";
import { afterEach, describe, expect, it, vi } from "vitest";
import { correlationIdOf, traceIdOf, withCorrelation } from "./correlation.js";
import { createLogger, invocationLogger } from "./logger.js";
import { resetTelemetryForTests, startTelemetry } from "./telemetry.js";

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;

describe("startTelemetry", () => {
  afterEach(resetTelemetryForTests);

  it("starts nothing without APPLICATIONINSIGHTS_CONNECTION_STRING", async () => {
    const start = vi.fn();
    const state = await startTelemetry({ APPLICATIONINSIGHTS_CONNECTION_STRING: " " }, start);
    expect(state.started).toBe(false);
    expect(start).not.toHaveBeenCalled();
  });

  it("builds the Azure Monitor configuration once per process when it is set", async () => {
    const start = vi.fn();
    const env = {
      APPLICATIONINSIGHTS_CONNECTION_STRING:
        "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://example.invalid/",
    };
    const state = await startTelemetry(env, start);
    await startTelemetry(env, start);

    expect(start).toHaveBeenCalledTimes(1);
    expect(state).toEqual({ started: true, options: start.mock.calls[0]?.[0] });
    expect(start.mock.calls[0]?.[0]).toMatchObject({
      azureMonitorExporterOptions: { connectionString: env.APPLICATIONINSIGHTS_CONNECTION_STRING },
      instrumentationOptions: { http: { enabled: true }, azureSdk: { enabled: true } },
    });
  });
});

describe("correlation ids", () => {
  it("prefer the W3C trace id, then the invocation id", () => {
    expect(traceIdOf(TRACEPARENT)).toBe(TRACE_ID);
    expect(traceIdOf(`00-${"0".repeat(32)}-00f067aa0ba902b7-01`)).toBeNull();
    expect(traceIdOf("garbage")).toBeNull();
    expect(correlationIdOf({ traceparent: TRACEPARENT, invocationId: "inv-1" })).toBe(TRACE_ID);
    expect(correlationIdOf({ traceparent: "bad", invocationId: "inv-1" })).toBe("inv-1");
    expect(correlationIdOf({})).toMatch(/^[\da-f-]{36}$/);
  });

  it("travel in queue messages without changing what the consumer reads", () => {
    const message = { tenantId: "t", notificationId: "n" };
    expect(withCorrelation(message, TRACE_ID)).toEqual({ ...message, correlationId: TRACE_ID });
    expect(withCorrelation(message, undefined)).toBe(message);
  });
});

describe("the structured logger", () => {
  const at = new Date("2026-11-23T01:00:00.000Z");

  it("writes one JSON line per call with the tenant and correlation id", () => {
    const lines: string[] = [];
    const sink = {
      info: (l: string) => lines.push(l),
      warn: () => {},
      error: (l: string) => lines.push(l),
    };
    const log = createLogger(sink, { correlationId: "c-1" }, () => at).with({ tenantId: "t-1" });
    log.info("mail sent", { channel: "owner-mail" });
    const failure = Object.assign(new Error("Graph said no"), { code: "unavailable" });
    log.error("delivery failed", { error: failure });

    expect(JSON.parse(lines[0] ?? "")).toEqual({
      at: at.toISOString(),
      level: "info",
      message: "mail sent",
      correlationId: "c-1",
      tenantId: "t-1",
      channel: "owner-mail",
    });
    expect(JSON.parse(lines[1] ?? "").error).toMatchObject({
      name: "Error",
      message: "Graph said no",
      code: "unavailable",
      stack: expect.stringContaining("Graph said no"),
    });
  });

  it("logs through the invocation, correlated by its trace context or the message's id", () => {
    const seen: unknown[][] = [];
    const context = new InvocationContext({
      invocationId: "inv-9",
      traceContext: { traceParent: TRACEPARENT },
      logHandler: (level, ...args) => seen.push([level, ...args]),
    });
    invocationLogger(context, { tenantId: "t-2" }).warn("throttled");
    invocationLogger(context, { message: { correlationId: "from-producer" } }).info("picked up");

    expect(seen[0]?.[0]).toBe("warning");
    expect(JSON.parse(String(seen[0]?.[1]))).toMatchObject({
      level: "warn",
      message: "throttled",
      tenantId: "t-2",
      correlationId: TRACE_ID,
    });
    expect(JSON.parse(String(seen[1]?.[1])).correlationId).toBe("from-producer");
  });
});
