import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appHostJsonFile, readHostJsonQueueSettings } from "./host-json-queues.js";

const hostJsonWith = async (extensions: unknown): Promise<string> => {
  const file = path.join(await mkdtemp(path.join(tmpdir(), "dealflow-host-json-")), "host.json");
  await writeFile(file, JSON.stringify({ version: "2.0", extensions }));
  return file;
};

describe("readHostJsonQueueSettings", () => {
  it("reads the app's own host.json, the file Azure's host reads", () => {
    expect(appHostJsonFile()).toBe(
      path.resolve(import.meta.dirname, "../../../functions/host.json"),
    );
    expect(readHostJsonQueueSettings()).toEqual({
      retryDelaySeconds: 0,
      maxDequeueCount: 5,
      batchSize: 16,
    });
  });

  it("takes visibilityTimeout as the delay before a retry, in whole seconds", async () => {
    const file = await hostJsonWith({
      queues: { visibilityTimeout: "1.02:03:04", maxDequeueCount: 2, batchSize: 8 },
    });
    expect(readHostJsonQueueSettings(file)).toEqual({
      retryDelaySeconds: 93_784,
      maxDequeueCount: 2,
      batchSize: 8,
    });
  });

  it("keeps Azure's defaults when host.json says nothing about queues", async () => {
    expect(readHostJsonQueueSettings(await hostJsonWith({ http: {} }))).toEqual({});
    expect(readHostJsonQueueSettings(await hostJsonWith(undefined))).toEqual({});
  });

  it.each([
    [{ visibilityTimeout: 30 }, "extensions.queues.visibilityTimeout must be a time span"],
    [
      { visibilityTimeout: "00:00:30.5" },
      "extensions.queues.visibilityTimeout must be a time span",
    ],
    [{ visibilityTimeout: "00:61:00" }, "extensions.queues.visibilityTimeout is not a valid"],
    [{ maxDequeueCount: "5" }, "extensions.queues.maxDequeueCount must be a whole number"],
    [{ batchSize: 1.5 }, "extensions.queues.batchSize must be a whole number"],
    [{ messageEncoding: "none" }, 'extensions.queues.messageEncoding must be "base64"'],
  ])("refuses %j, naming the setting", async (queues, message) => {
    const file = await hostJsonWith({ queues });
    expect(() => readHostJsonQueueSettings(file)).toThrow(message);
  });
});
