import type { InvocationContext } from "@azure/functions";
import type { QueueFunctionDefinition } from "@dealflow/functions/hosting";
import { afterEach, describe, expect, it, vi } from "vitest";
import { sendQueueMessage } from "../../../functions/src/storage/queue-sender.js";
import { createRecordingLogger } from "../recording-logger.test-support.js";
import {
  base64,
  messageCount,
  testConnectionString,
  testQueue,
  uniqueQueueName,
} from "./queue.test-support.js";
import { createQueuePoller, type QueuePoller, type QueuePollerOptions } from "./queue-poller.js";

type Delivery = { message: unknown; context: InvocationContext };

// Polls for the expected state; the bound only keeps a broken poller from hanging the run.
const eventually = (check: () => void | Promise<void>) =>
  vi.waitFor(check, { timeout: 15_000, interval: 50 });

const pollers: QueuePoller[] = [];
afterEach(async () => {
  await Promise.all(pollers.splice(0).map((poller) => poller.stop()));
});

const startPoller = async (
  queueName: string,
  handler: QueueFunctionDefinition["handler"],
  options: Partial<QueuePollerOptions> = {},
) => {
  const log = createRecordingLogger();
  const poller = createQueuePoller({
    definitions: [{ name: "deliver", trigger: "queue", queueName, handler }],
    connectionString: testConnectionString(),
    log,
    minPollingIntervalMs: 10,
    maxPollingIntervalMs: 100,
    ...options,
  });
  pollers.push(poller);
  await poller.start();
  return { poller, log };
};

const recording = () => {
  const deliveries: Delivery[] = [];
  const handler = async (message: unknown, context: InvocationContext) =>
    void deliveries.push({ message, context });
  return { deliveries, handler };
};

describe("createQueuePoller", () => {
  it("creates the queue, delivers a message once with Azure's trigger metadata, then deletes it", async () => {
    const queueName = uniqueQueueName();
    const { deliveries, handler } = recording();
    const { poller } = await startPoller(queueName, handler);
    expect(await testQueue(queueName).exists()).toBe(true);

    const { messageId } = await sendQueueMessage(testConnectionString(), queueName, {
      kind: "notify",
      userId: "u1",
    });

    await eventually(async () => expect(await messageCount(testQueue(queueName))).toBe(0));
    await poller.stop();
    expect(deliveries).toHaveLength(1);
    const [{ message, context }] = deliveries as [Delivery];
    expect(message).toEqual({ kind: "notify", userId: "u1" });
    expect(context.functionName).toBe("deliver");
    expect(context.triggerMetadata).toMatchObject({ id: messageId, dequeueCount: 1 });
  });

  it("hands over a JSON payload parsed and any other payload as its text", async () => {
    const queueName = uniqueQueueName();
    const { deliveries, handler } = recording();
    await startPoller(queueName, handler);

    await sendQueueMessage(testConnectionString(), queueName, { ids: [1, 2], note: null });
    await sendQueueMessage(testConnectionString(), queueName, "42");
    await testQueue(queueName).sendMessage(base64("plain text, not JSON"));

    await eventually(() => expect(deliveries).toHaveLength(3));
    expect(deliveries.map((delivery) => delivery.message)).toEqual(
      expect.arrayContaining([{ ids: [1, 2], note: null }, "42", "plain text, not JSON"]),
    );
  });

  it("retries a message whose handler throws, and deletes it once the handler succeeds", async () => {
    const queueName = uniqueQueueName();
    const dequeues: unknown[] = [];
    const { log } = await startPoller(queueName, async (_message, context) => {
      dequeues.push(context.triggerMetadata?.dequeueCount);
      if (dequeues.length < 3) throw new Error("Teams is down");
    });

    await sendQueueMessage(testConnectionString(), queueName, { attempt: "any" });

    await eventually(async () => {
      expect(dequeues).toEqual([1, 2, 3]);
      expect(await messageCount(testQueue(queueName))).toBe(0);
    });
    expect(await testQueue(`${queueName}-poison`).exists()).toBe(false);
    expect(log.entries.filter((entry) => entry.level === "error")).toHaveLength(2);
  });

  it("moves a message to <queue>-poison once it has failed on its 5th dequeue", async () => {
    const queueName = uniqueQueueName();
    const dequeues: unknown[] = [];
    // A retry delay makes each failed message wait for the visibility timeout, as a crash would.
    const { log } = await startPoller(
      queueName,
      async (_message, context) => {
        dequeues.push(context.triggerMetadata?.dequeueCount);
        throw new Error("always fails");
      },
      { visibilityTimeoutSeconds: 1, retryDelaySeconds: 1 },
    );

    await sendQueueMessage(testConnectionString(), queueName, { doomed: true });

    const poison = testQueue(`${queueName}-poison`);
    await eventually(async () => expect(await messageCount(poison)).toBe(1));
    expect(dequeues).toEqual([1, 2, 3, 4, 5]);
    expect(await messageCount(testQueue(queueName))).toBe(0);
    const [moved] = (await poison.peekMessages()).peekedMessageItems;
    expect(moved?.messageText).toBe(base64(JSON.stringify({ doomed: true })));
    expect(log.entries.at(-1)?.message).toMatch(
      new RegExp(`reached MaxDequeueCount of 5; moved to queue "${queueName}-poison"$`),
    );
  });

  it("moves a message that is not Base64 to the poison queue at once, without calling the handler", async () => {
    const queueName = uniqueQueueName();
    const { deliveries, handler } = recording();
    await startPoller(queueName, handler);

    await testQueue(queueName).sendMessage("{ not base64 }");

    const poison = testQueue(`${queueName}-poison`);
    await eventually(async () => expect(await messageCount(poison)).toBe(1));
    expect(deliveries).toEqual([]);
    const [moved] = (await poison.peekMessages()).peekedMessageItems;
    expect(moved?.messageText).toBe("{ not base64 }");
  });

  it("keeps a message hidden while a handler runs longer than the visibility timeout", async () => {
    const queueName = uniqueQueueName();
    let calls = 0;
    const { poller } = await startPoller(
      queueName,
      async () => {
        calls += 1;
        // Outlasts the 1 s visibility timeout twice over: only renewals keep it hidden.
        await new Promise((resolve) => setTimeout(resolve, 2_500));
      },
      { visibilityTimeoutSeconds: 1 },
    );

    await sendQueueMessage(testConnectionString(), queueName, "slow");

    await eventually(async () => {
      expect(calls).toBe(1);
      expect(await messageCount(testQueue(queueName))).toBe(0);
    });
    await poller.stop();
    expect(calls).toBe(1);
  });

  it("runs at most maxConcurrentPerQueue handlers at once", async () => {
    const queueName = uniqueQueueName();
    let running = 0;
    let mostAtOnce = 0;
    let done = 0;
    await startPoller(
      queueName,
      async () => {
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        await new Promise((resolve) => setTimeout(resolve, 100));
        running -= 1;
        done += 1;
      },
      { maxConcurrentPerQueue: 3 },
    );

    await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        sendQueueMessage(testConnectionString(), queueName, { index }),
      ),
    );

    await eventually(() => expect(done).toBe(10));
    expect(mostAtOnce).toBeGreaterThan(1);
    expect(mostAtOnce).toBeLessThanOrEqual(3);
  });

  it("stops only after the handlers under way have finished and their messages are deleted", async () => {
    const queueName = uniqueQueueName();
    const events: string[] = [];
    let finish = () => {};
    const { poller } = await startPoller(queueName, async () => {
      events.push("handler started");
      await new Promise<void>((resolve) => {
        finish = resolve;
      });
      events.push("handler finished");
    });
    await sendQueueMessage(testConnectionString(), queueName, "in flight");
    await eventually(() => expect(events).toEqual(["handler started"]));

    const stopped = poller.stop().then(() => void events.push("stopped"));
    await new Promise((resolve) => setImmediate(resolve));
    finish();
    await stopped;

    expect(events).toEqual(["handler started", "handler finished", "stopped"]);
    expect(await messageCount(testQueue(queueName))).toBe(0);
  });

  it("stops without waiting forever for a handler that hangs; the message stays for a retry", async () => {
    const queueName = uniqueQueueName();
    let started = false;
    const { poller, log } = await startPoller(
      queueName,
      () => {
        started = true;
        return new Promise<void>(() => {});
      },
      { drainMs: 200 },
    );
    await sendQueueMessage(testConnectionString(), queueName, "hangs");
    await eventually(() => expect(started).toBe(true));

    await poller.stop();

    expect(log.entries.at(-1)?.message).toBe(
      "Stopped with queue messages still in progress; they will be delivered again",
    );
    expect(await messageCount(testQueue(queueName))).toBe(1);
  });

  it("refuses settings outside the service's limits", () => {
    expect(() =>
      createQueuePoller({
        definitions: [],
        connectionString: testConnectionString(),
        log: createRecordingLogger(),
        batchSize: 64,
      }),
    ).toThrow("Queue poller: batchSize must be an integer from 1 to 32");
  });
});
