import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { QueueServiceClient } from "@azure/storage-queue";
import { afterEach, describe, expect, it } from "vitest";
import { sendQueueMessage } from "../../../functions/src/storage/queue-sender.js";
import { createTableStorage } from "../../../functions/src/storage/table-storage.js";
import { type RunningAzurite, startAzurite } from "./azurite.js";

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("startAzurite", () => {
  const started: RunningAzurite[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((azurite) => azurite.stop()));
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it("serves tables and queues from two processes, as Azure's two services", async () => {
    const azurite = await startAzurite();
    started.push(azurite);

    expect(azurite.pids.queue).not.toBe(azurite.pids.table);
    expect(alive(azurite.pids.table) && alive(azurite.pids.queue)).toBe(true);

    await azurite.stop();
    expect([alive(azurite.pids.table), alive(azurite.pids.queue)]).toEqual([false, false]);
  });

  // The table service saves its files only on SIGINT: a stop by SIGTERM lost every write since
  // its last autosave (5 s), which the soak's Azurite restart found as an acknowledged task gone.
  it("keeps a row and a message written just before a stop, when started again on its files", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "dealflow-azurite-"));
    dirs.push(dataDir);
    const first = await startAzurite({ dataDir });
    started.push(first);
    const storage = createTableStorage({ connectionString: first.connectionString });
    await storage.ensureTables();
    await storage
      .table("tenantData")
      .upsertEntity({ partitionKey: "t", rowKey: "written-last", data: "kept" }, "Replace");
    await sendQueueMessage(first.connectionString, "restart-check", { kept: true });
    await first.stop();

    const second = await startAzurite({
      dataDir,
      tablePort: first.tablePort,
      queuePort: first.queuePort,
    });
    started.push(second);
    const row = await createTableStorage({ connectionString: second.connectionString })
      .table("tenantData")
      .getEntity<{ data: string }>("t", "written-last");
    expect(row.data).toBe("kept");
    const queue = QueueServiceClient.fromConnectionString(second.connectionString).getQueueClient(
      "restart-check",
    );
    const { peekedMessageItems } = await queue.peekMessages();
    expect(peekedMessageItems).toHaveLength(1);
  });
});
