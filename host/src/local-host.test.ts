import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FunctionDefinition } from "@dealflow/functions/hosting";
import { describe, expect, it, vi } from "vitest";
import { sendQueueMessage } from "../../functions/src/storage/queue-sender.js";
import { startLocalHost } from "./local-host.js";
import {
  messageCount,
  testConnectionString,
  testQueue,
  uniqueQueueName,
} from "./queues/queue.test-support.js";
import { createRecordingLogger } from "./recording-logger.test-support.js";

const hostWith = (definitions: FunctionDefinition[], hostJsonFile?: string) =>
  startLocalHost({
    definitions,
    host: "127.0.0.1",
    port: 0,
    timers: "off",
    storageConnectionString: testConnectionString(),
    siteRoot: path.join(tmpdir(), "dealflow-no-site"),
    clock: () => new Date(),
    log: createRecordingLogger(),
    loopbackOnly: true,
    ...(hostJsonFile === undefined ? {} : { hostJsonFile }),
  });

describe("startLocalHost", () => {
  it("runs queue triggers, also with TIMERS=off", async () => {
    const queueName = uniqueQueueName();
    const received: unknown[] = [];
    const host = await hostWith([
      {
        name: "deliver",
        trigger: "queue",
        queueName,
        handler: async (message) => void received.push(message),
      },
    ]);
    try {
      await sendQueueMessage(testConnectionString(), queueName, { notify: "u1" });

      await vi.waitFor(() => expect(received).toEqual([{ notify: "u1" }]), {
        timeout: 15_000,
        interval: 50,
      });
    } finally {
      await host.close();
    }
  });

  it("moves a failing message to <queue>-poison after host.json's maxDequeueCount", async () => {
    const queueName = uniqueQueueName();
    const hostJson = path.join(await mkdtemp(path.join(tmpdir(), "dealflow-host-json-")), "h.json");
    await writeFile(hostJson, JSON.stringify({ extensions: { queues: { maxDequeueCount: 2 } } }));
    const dequeues: unknown[] = [];
    const host = await hostWith(
      [
        {
          name: "deliver",
          trigger: "queue",
          queueName,
          handler: async (_message, context) => {
            dequeues.push(context.triggerMetadata?.dequeueCount);
            throw new Error("always fails");
          },
        },
      ],
      hostJson,
    );
    try {
      await sendQueueMessage(testConnectionString(), queueName, { doomed: true });

      const poison = testQueue(`${queueName}-poison`);
      await vi.waitFor(async () => expect(await messageCount(poison)).toBe(1), {
        timeout: 15_000,
        interval: 50,
      });
      expect(dequeues).toEqual([1, 2]);
    } finally {
      await host.close();
    }
  });

  it("refuses to start with an invalid queue name, naming the function", async () => {
    await expect(
      hostWith([
        { name: "deliver", trigger: "queue", queueName: "Notifications", handler: async () => {} },
      ]),
    ).rejects.toThrow('Queue function "deliver": "Notifications" is not a valid Azure queue name');
  });
});
