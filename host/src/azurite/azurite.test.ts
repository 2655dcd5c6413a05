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

  /** An Azurite on disk in a scratch folder, its tables made. */
  const onDisk = async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "dealflow-azurite-"));
    dirs.push(dataDir);
    const azurite = await startAzurite({ dataDir });
    started.push(azurite);
    const storage = createTableStorage({ connectionString: azurite.connectionString });
    await storage.ensureTables();
    /** Started again on the same files and ports, as a restart does. */
    const reopen = async () => {
      const again = await startAzurite({
        dataDir,
        tablePort: azurite.tablePort,
        queuePort: azurite.queuePort,
      });
      started.push(again);
      return again;
    };
    return { azurite, table: storage.table("tenantData"), reopen };
  };
  const rowAfter = (azurite: RunningAzurite, rowKey: string) =>
    createTableStorage({ connectionString: azurite.connectionString })
      .table("tenantData")
      .getEntity<{ data: string }>("t", rowKey);

  // The table service saves its files only on SIGINT: a stop by SIGTERM lost every write since
  // its last autosave (5 s), which the soak's Azurite restart found as an acknowledged task gone.
  it("keeps a row and a message written just before a stop, when started again on its files", async () => {
    const { azurite, table, reopen } = await onDisk();
    await table.upsertEntity(
      { partitionKey: "t", rowKey: "written-last", data: "kept" },
      "Replace",
    );
    await sendQueueMessage(azurite.connectionString, "restart-check", { kept: true });
    await azurite.stop();

    const again = await reopen();
    expect((await rowAfter(again, "written-last")).data).toBe("kept");
    const queue = QueueServiceClient.fromConnectionString(again.connectionString).getQueueClient(
      "restart-check",
    );
    const { peekedMessageItems } = await queue.peekMessages();
    expect(peekedMessageItems).toHaveLength(1);
  });

  // Ctrl+C in `npm start`'s terminal sends SIGINT to the whole process group, Azurite's too,
  // and the host's shutdown then stops Azurite with another SIGINT while it is still saving.
  it("saves its files when a second SIGINT arrives while it closes", async () => {
    const { azurite, table, reopen } = await onDisk();
    // Enough rows that saving them takes a while: the second signal arrives mid-save.
    const filler = "x".repeat(2000);
    for (let batch = 0; batch < 20; batch++) {
      await table.submitTransaction(
        Array.from({ length: 100 }, (_, i) => [
          "upsert",
          { partitionKey: "t", rowKey: `r${batch}-${i}`, filler },
        ]),
      );
    }
    await table.upsertEntity(
      { partitionKey: "t", rowKey: "before-ctrl-c", data: "kept" },
      "Replace",
    );
    process.kill(azurite.pids.table, "SIGINT");
    await new Promise((resolve) => setTimeout(resolve, 5));
    await azurite.stop();

    expect((await rowAfter(await reopen(), "before-ctrl-c")).data).toBe("kept");
  });
});
