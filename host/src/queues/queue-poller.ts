import { type DequeuedMessageItem, QueueServiceClient, RestError } from "@azure/storage-queue";
import {
  type Logger,
  poisonQueueName,
  type QueueFunctionDefinition,
} from "@dealflow/functions/hosting";
import { createInvocationContext } from "../invocation-context.js";
import { holdMessage } from "./message-lease.js";
import { decodeQueueMessage, QueueMessageEncodingError } from "./queue-message.js";
import { createWakeSignal } from "./wake-signal.js";

export type QueuePoller = {
  /** Creates the queues that are missing, then polls each one. Rejects if storage refuses. */
  start(): Promise<void>;
  /**
   * Stops polling and waits for the handlers under way to finish and their messages to be
   * settled (up to `drainMs`); resolves with no timer and no request of its own left.
   */
  stop(): Promise<void>;
};

export type QueuePollerOptions = {
  definitions: readonly QueueFunctionDefinition[];
  connectionString: string;
  log: Logger;
  /** How long a received message stays hidden from other receivers; renewed while it runs. */
  visibilityTimeoutSeconds?: number;
  /** How long a failed message stays hidden before its retry (host.json `visibilityTimeout`). */
  retryDelaySeconds?: number;
  /** Dequeues after which a failing message moves to `<queue>-poison` (host.json, default 5). */
  maxDequeueCount?: number;
  /** Messages asked for per receive (host.json `batchSize`, at most 32). */
  batchSize?: number;
  /** Handlers running at once, per queue. */
  maxConcurrentPerQueue?: number;
  /** An empty queue is polled again after this, doubling up to `maxPollingIntervalMs`. */
  minPollingIntervalMs?: number;
  maxPollingIntervalMs?: number;
  drainMs?: number;
};

type Settings = Required<Omit<QueuePollerOptions, "definitions" | "connectionString" | "log">>;

const DEFAULTS: Settings = {
  visibilityTimeoutSeconds: 30,
  retryDelaySeconds: 0,
  maxDequeueCount: 5,
  batchSize: 16,
  maxConcurrentPerQueue: 16,
  minPollingIntervalMs: 100,
  // The Functions host's maxPollingInterval is 1 min in Azure and 2 s against the emulator.
  maxPollingIntervalMs: 2_000,
  drainMs: 10_000,
};

type Outcome = { kind: "succeeded" } | { kind: "retry" } | { kind: "poison"; reason: string };

/**
 * Runs queue functions the way Azure Functions' queue trigger does: polls each queue (backing off
 * exponentially while it is empty), hides each message while its handler runs, deletes it when
 * the handler succeeds, makes it visible again when the handler throws, and after
 * `maxDequeueCount` failed dequeues (or at once, for a message that is not Base64) moves it to
 * `<queue>-poison`. Delivery is at least once: handlers must be idempotent.
 */
export const createQueuePoller = (options: QueuePollerOptions): QueuePoller => {
  const settings = readSettings(options);
  const { log } = options;
  const service = QueueServiceClient.fromConnectionString(options.connectionString, {
    retryOptions: { maxTries: 3, maxRetryDelayInMs: settings.maxPollingIntervalMs },
  });
  const stopping = new AbortController();
  const listeners = options.definitions.map((definition) =>
    createListener(definition, service, settings, log, stopping.signal),
  );
  let loops: Promise<void>[] | undefined;
  let stopped: Promise<void> | undefined;

  const drain = async () => {
    stopping.abort();
    for (const listener of listeners) listener.wake.notify();
    await Promise.all(loops ?? []);
    const inFlight = listeners.flatMap((listener) => [...listener.inFlight]);
    if (inFlight.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const drained = await Promise.race([
      Promise.all(inFlight).then(() => true),
      new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), settings.drainMs);
      }),
    ]);
    clearTimeout(timer);
    if (!drained) {
      for (const listener of listeners) listener.abandon();
      log.warn("Stopped with queue messages still in progress; they will be delivered again");
    }
  };

  return {
    async start() {
      if (loops || stopping.signal.aborted) return;
      await Promise.all(listeners.map((listener) => listener.queue.createIfNotExists()));
      loops = listeners.map((listener) =>
        listener.run().catch((error: unknown) => log.error("A queue listener stopped:", error)),
      );
    },
    stop() {
      stopped ??= drain();
      return stopped;
    },
  };
};

const createListener = (
  definition: QueueFunctionDefinition,
  service: QueueServiceClient,
  settings: Settings,
  log: Logger,
  stopping: AbortSignal,
) => {
  const queue = service.getQueueClient(definition.queueName);
  const poison = service.getQueueClient(poisonQueueName(definition.queueName));
  let poisonReady: Promise<unknown> | undefined;
  const inFlight = new Set<Promise<void>>();
  const wake = createWakeSignal();
  const leases = new Set<{ cancel(): void }>();
  let abandoned = false;
  const label = `Queue function "${definition.name}"`;
  // Like the Functions host's newBatchThreshold: fetch more once half the slots are free.
  const fetchBelow = Math.ceil(settings.maxConcurrentPerQueue / 2);

  const receive = async (count: number): Promise<DequeuedMessageItem[]> => {
    const response = await queue.receiveMessages({
      numberOfMessages: count,
      visibilityTimeout: settings.visibilityTimeoutSeconds,
      abortSignal: stopping,
    });
    return response.receivedMessageItems;
  };

  const run = async () => {
    let interval = settings.minPollingIntervalMs;
    let failing = false;
    while (!stopping.aborted) {
      if (inFlight.size >= fetchBelow) {
        await wake.wait();
        continue;
      }
      let messages: DequeuedMessageItem[];
      try {
        messages = await receive(
          Math.min(settings.batchSize, settings.maxConcurrentPerQueue - inFlight.size),
        );
        if (failing) log.info(`${label} reads queue "${definition.queueName}" again`);
        failing = false;
      } catch (error) {
        if (stopping.aborted) break;
        if (!failing) {
          log.warn(`${label} cannot read queue "${definition.queueName}"; retrying:`, error);
        }
        failing = true;
        if (isNotFound(error)) await queue.createIfNotExists().catch(() => undefined);
        await wake.wait(settings.maxPollingIntervalMs);
        continue;
      }
      for (const message of messages) track(handle(message));
      if (messages.length > 0) {
        interval = settings.minPollingIntervalMs;
        continue;
      }
      await wake.wait(interval);
      interval = Math.min(interval * 2, settings.maxPollingIntervalMs);
    }
  };

  const track = (processing: Promise<void>) => {
    inFlight.add(processing);
    void processing.finally(() => {
      inFlight.delete(processing);
      wake.notify();
    });
  };

  const handle = async (message: DequeuedMessageItem): Promise<void> => {
    const lease = holdMessage(queue, message, settings.visibilityTimeoutSeconds, (error) =>
      log.warn(`${label}: could not keep message ${message.messageId} hidden:`, error),
    );
    leases.add(lease);
    try {
      const outcome = await invoke(message);
      const popReceipt = await lease.release();
      if (!abandoned) await settle(message, popReceipt, outcome);
    } catch (error) {
      log.error(
        `${label}: could not settle message ${message.messageId}; it will be delivered again:`,
        error,
      );
    } finally {
      leases.delete(lease);
    }
  };

  const invoke = async (message: DequeuedMessageItem): Promise<Outcome> => {
    if (message.dequeueCount > settings.maxDequeueCount) {
      // Dequeued that often without an outcome: the process died while running it.
      return { kind: "poison", reason: `dequeued ${message.dequeueCount} times` };
    }
    let payload: unknown;
    try {
      payload = decodeQueueMessage(message.messageText);
    } catch (error) {
      if (!(error instanceof QueueMessageEncodingError)) throw error;
      log.error(`${label}: message ${message.messageId} cannot be read. ${error.message}`);
      return { kind: "poison", reason: "not Base64" };
    }
    const context = createInvocationContext(definition.name, log, triggerMetadata(message));
    try {
      await definition.handler(payload, context);
      return { kind: "succeeded" };
    } catch (error) {
      log.error(
        `${label} failed on message ${message.messageId} (dequeue ${message.dequeueCount} of ${settings.maxDequeueCount}):`,
        error,
      );
      return message.dequeueCount >= settings.maxDequeueCount
        ? { kind: "poison", reason: `reached MaxDequeueCount of ${settings.maxDequeueCount}` }
        : { kind: "retry" };
    }
  };

  const settle = async (message: DequeuedMessageItem, popReceipt: string, outcome: Outcome) => {
    switch (outcome.kind) {
      case "succeeded":
        await queue.deleteMessage(message.messageId, popReceipt);
        return;
      case "retry":
        await queue.updateMessage(
          message.messageId,
          popReceipt,
          undefined,
          settings.retryDelaySeconds,
        );
        return;
      case "poison":
        await ensurePoisonQueue();
        await poison.sendMessage(message.messageText);
        await queue.deleteMessage(message.messageId, popReceipt);
        log.warn(
          `${label}: message ${message.messageId} ${outcome.reason}; moved to queue "${poison.name}"`,
        );
        return;
    }
  };

  const ensurePoisonQueue = async () => {
    poisonReady ??= poison.createIfNotExists();
    try {
      await poisonReady;
    } catch (error) {
      poisonReady = undefined;
      throw error;
    }
  };

  return {
    queue,
    inFlight,
    wake,
    run,
    /** The host gave up waiting: stop renewing; the messages reappear after their timeout. */
    abandon() {
      abandoned = true;
      for (const lease of leases) lease.cancel();
    },
  };
};

/** What Azure's queue trigger puts in `context.triggerMetadata`. */
const triggerMetadata = (message: DequeuedMessageItem) => ({
  id: message.messageId,
  queueTrigger: message.messageText,
  dequeueCount: message.dequeueCount,
  insertionTime: message.insertedOn.toISOString(),
  expirationTime: message.expiresOn.toISOString(),
  nextVisibleTime: message.nextVisibleOn.toISOString(),
  popReceipt: message.popReceipt,
});

const isNotFound = (error: unknown) => error instanceof RestError && error.statusCode === 404;

const readSettings = (options: QueuePollerOptions): Settings => {
  const settings: Settings = {
    visibilityTimeoutSeconds: options.visibilityTimeoutSeconds ?? DEFAULTS.visibilityTimeoutSeconds,
    retryDelaySeconds: options.retryDelaySeconds ?? DEFAULTS.retryDelaySeconds,
    maxDequeueCount: options.maxDequeueCount ?? DEFAULTS.maxDequeueCount,
    batchSize: options.batchSize ?? DEFAULTS.batchSize,
    maxConcurrentPerQueue: options.maxConcurrentPerQueue ?? DEFAULTS.maxConcurrentPerQueue,
    minPollingIntervalMs: options.minPollingIntervalMs ?? DEFAULTS.minPollingIntervalMs,
    maxPollingIntervalMs: options.maxPollingIntervalMs ?? DEFAULTS.maxPollingIntervalMs,
    drainMs: options.drainMs ?? DEFAULTS.drainMs,
  };
  const within = (name: keyof Settings, min: number, max: number) => {
    const value = settings[name];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(`Queue poller: ${name} must be an integer from ${min} to ${max}`);
    }
  };
  // The service's limits: 1 s to 7 days hidden, 1 to 32 messages per receive.
  within("visibilityTimeoutSeconds", 1, 604_800);
  within("retryDelaySeconds", 0, 604_800);
  within("maxDequeueCount", 1, 1_000);
  within("batchSize", 1, 32);
  within("maxConcurrentPerQueue", 1, 1_000);
  within("minPollingIntervalMs", 1, settings.maxPollingIntervalMs);
  within("maxPollingIntervalMs", 1, 600_000);
  within("drainMs", 0, 600_000);
  return settings;
};
