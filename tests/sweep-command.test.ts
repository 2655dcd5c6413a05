import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { type Deadline, type Task, taskDeadlines, withScheduled } from "@dealflow/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DUE_ONLY } from "../functions/src/sla/sla.test-support.js";
import { taskRecord } from "../functions/src/storage/records.test-support.js";
import { createStore, type Store } from "../functions/src/storage/store.js";
import { createTableStorage } from "../functions/src/storage/table-storage.js";
import { type RunningAzurite, startAzurite } from "../host/src/azurite/azurite.js";

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
const TENANT = "sweep-command-tenant";

/** `npm run sweep` as the root package.json runs it, with only `env` changed. */
const runSweep = async (env: Record<string, string>) => {
  const child = spawn(process.execPath, ["scripts/sweep.mjs"], {
    cwd: REPO_ROOT,
    env: { ...process.env, STORAGE_CONNECTION_STRING: "", TIMERS: "off", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const [code] = await once(child, "exit");
  return { code, lastLine: stdout.trimEnd().split("\n").at(-1), stderr };
};

// The command fires by the real clock: tasks fall due a few minutes before the test runs.
const overdueTasks = async (store: Store, ids: string[]) => {
  const now = new Date();
  const tasks: Task[] = ids.map((id) =>
    taskRecord(TENANT, id, { dueAt: new Date(now.getTime() - 5 * 60_000).toISOString() }),
  );
  const schedule = tasks.flatMap((task) => taskDeadlines(task, DUE_ONLY, now));
  await store.commit(
    TENANT,
    {
      changes: tasks.map((task) => ({
        entity: "task" as const,
        before: null,
        after: withScheduled(
          task,
          schedule.filter((d) => d.subjectId === task.id),
        ),
      })),
      schedule,
      cancel: [],
    },
    { notify: false },
  );
};

describe("npm run sweep", () => {
  let azurite: RunningAzurite;
  let store: Store;
  const dirs: string[] = [];

  beforeAll(async () => {
    // Its own Azurite: the command uses the default table names, shared with nobody here.
    azurite = await startAzurite();
    const storage = createTableStorage({ connectionString: azurite.connectionString });
    await storage.ensureTables();
    store = createStore(storage);
  });

  afterAll(async () => {
    await azurite?.stop();
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  const tempDir = async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "dealflow-sweep-"));
    dirs.push(dir);
    return dir;
  };

  it("fires what is due against STORAGE_CONNECTION_STRING and reports it on its last line", async () => {
    await overdueTasks(store, ["cli-task-1", "cli-task-2"]);
    const orphan: Deadline = {
      id: `task-due~gone-task~${Date.now() - 60_000}`,
      tenantId: TENANT,
      kind: "task-due",
      subjectId: "gone-task",
      dueAt: new Date(Date.now() - 60_000).toISOString(),
      expect: null,
    };
    await store.deadlines.schedule([orphan], new Date());

    const first = await runSweep({ STORAGE_CONNECTION_STRING: azurite.connectionString });
    const second = await runSweep({ STORAGE_CONNECTION_STRING: azurite.connectionString });

    // The orphan's task may still be landing (hints are written first): it is looked at again
    // in 30 s (ABSENT_RECHECK_MS), not skipped yet, and held meanwhile.
    expect([first.code, first.lastLine]).toEqual([0, "fired 2, skipped 0, failed 0"]);
    expect([second.code, second.lastLine]).toEqual([0, "fired 0, skipped 0, failed 0"]);
  });

  it("uses the Azurite of a running npm start found in DATA_DIR", async () => {
    await overdueTasks(store, ["cli-task-3"]);
    const dataDir = await tempDir();
    await writeFile(
      path.join(dataDir, "azurite-endpoint.json"),
      JSON.stringify({ connectionString: azurite.connectionString, pid: process.pid }),
    );

    const result = await runSweep({ DATA_DIR: dataDir });

    expect([result.code, result.lastLine]).toEqual([0, "fired 1, skipped 0, failed 0"]);
  });

  it("starts and stops an Azurite of its own on DATA_DIR when nothing is running", async () => {
    const dataDir = await tempDir();

    const result = await runSweep({ DATA_DIR: dataDir });

    expect([result.code, result.lastLine]).toEqual([0, "fired 0, skipped 0, failed 0"]);
    // Azurite kept its tables in DATA_DIR, where npm start will find them.
    expect((await readdir(dataDir)).length).toBeGreaterThan(0);
  });
});
