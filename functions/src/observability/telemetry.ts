import type { AzureMonitorOpenTelemetryOptions } from "@azure/monitor-opentelemetry";
import { type Env, readOptional } from "../config/env-readers.js";

/** What was decided at start-up, for the start-up log line and the tests. */
export type TelemetryState =
  | { started: false; reason: string }
  | { started: true; options: AzureMonitorOpenTelemetryOptions };

export type StartMonitor = (options: AzureMonitorOpenTelemetryOptions) => void;

/** The Azure Monitor distro's options: traces of HTTP and Azure SDK calls (Storage, queues). */
export const telemetryOptionsOf = (connectionString: string): AzureMonitorOpenTelemetryOptions => ({
  azureMonitorExporterOptions: { connectionString },
  // Rate-limited sampling keeps a busy tenant's cost bounded; errors still show in failures.
  tracesPerSecond: 5,
  enableLiveMetrics: false,
  instrumentationOptions: {
    http: { enabled: true },
    azureSdk: { enabled: true },
  },
});

let state: TelemetryState | undefined;

/**
 * OpenTelemetry to Application Insights when `APPLICATIONINSIGHTS_CONNECTION_STRING` is set,
 * once per process; otherwise nothing is loaded or started (local mode, tests). The distro
 * is imported only then, since it weighs on every cold start. `start` is for tests.
 */
export const startTelemetry = async (env: Env, start?: StartMonitor): Promise<TelemetryState> => {
  if (state !== undefined) return state;
  const connectionString = readOptional(env, "APPLICATIONINSIGHTS_CONNECTION_STRING");
  if (connectionString === undefined) {
    state = { started: false, reason: "APPLICATIONINSIGHTS_CONNECTION_STRING is not set" };
    return state;
  }
  const options = telemetryOptionsOf(connectionString);
  const useAzureMonitor = start ?? (await import("@azure/monitor-opentelemetry")).useAzureMonitor;
  useAzureMonitor(options);
  state = { started: true, options };
  return state;
};

/** Tests only: forget the process-wide decision. */
export const resetTelemetryForTests = () => {
  state = undefined;
};
