import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { QueuePollerOptions } from "./queue-poller.js";

/** The queue trigger settings of host.json that the local host honours, as the poller takes them. */
export type HostJsonQueueSettings = Pick<
  QueuePollerOptions,
  "retryDelaySeconds" | "maxDequeueCount" | "batchSize"
>;

/** The app's host.json: the same file the Azure Functions host reads from the app's root. */
export const appHostJsonFile = (): string =>
  createRequire(import.meta.url).resolve("@dealflow/functions/host.json");

/**
 * `extensions.queues` of host.json
 * (https://learn.microsoft.com/azure/azure-functions/functions-bindings-storage-queue#host-json):
 * `visibilityTimeout` (the wait before a failed message is retried), `maxDequeueCount` (then it
 * moves to `<queue>-poison`) and `batchSize`. An absent key keeps Azure's default, which is also
 * the poller's. The polling interval and `newBatchThreshold` are Azure's tuning, not copied here.
 */
export const readHostJsonQueueSettings = (
  file: string = appHostJsonFile(),
): HostJsonQueueSettings => {
  const queues = queuesSection(JSON.parse(readFileSync(file, "utf8")) as unknown, file);
  const settings: HostJsonQueueSettings = {};
  const where = (key: string) => `${file}: extensions.queues.${key}`;
  if (queues.visibilityTimeout !== undefined) {
    settings.retryDelaySeconds = timeSpanSeconds(
      queues.visibilityTimeout,
      where("visibilityTimeout"),
    );
  }
  if (queues.maxDequeueCount !== undefined) {
    settings.maxDequeueCount = integer(queues.maxDequeueCount, where("maxDequeueCount"));
  }
  if (queues.batchSize !== undefined) {
    settings.batchSize = integer(queues.batchSize, where("batchSize"));
  }
  // queue-sender.ts writes Base64, which is all the poller reads: another encoding would make
  // Azure and the local host disagree about every message.
  if (queues.messageEncoding !== undefined && queues.messageEncoding !== "base64") {
    throw new Error(`${where("messageEncoding")} must be "base64", the encoding the app sends`);
  }
  return settings;
};

const queuesSection = (json: unknown, file: string): Record<string, unknown> => {
  const extensions = isObject(json) ? json.extensions : undefined;
  if (extensions === undefined) return {};
  const queues = isObject(extensions) ? extensions.queues : null;
  if (queues === undefined) return {};
  if (!isObject(queues)) throw new Error(`${file}: extensions.queues must be an object`);
  return queues;
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const integer = (value: unknown, where: string): number => {
  if (typeof value !== "number" || !Number.isInteger(value)) {
    throw new Error(`${where} must be a whole number; got ${JSON.stringify(value)}`);
  }
  return value;
};

// .NET TimeSpan text as host.json writes it: [d.]hh:mm:ss, whole seconds here.
const TIME_SPAN = /^(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})$/;

const timeSpanSeconds = (value: unknown, where: string): number => {
  const match = typeof value === "string" ? TIME_SPAN.exec(value) : null;
  if (!match) {
    throw new Error(`${where} must be a time span like "00:00:30"; got ${JSON.stringify(value)}`);
  }
  const [, days = "0", hours = "0", minutes = "0", seconds = "0"] = match;
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) {
    throw new Error(`${where} is not a valid time span: ${value}`);
  }
  return ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds);
};
