import { execFile } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readlinkSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, inject, it } from "vitest";

// .ci/run runs the whole suite twice, on the machine's Node and on Node 22 from a cache folder
// put first on PATH. These tests prove the second run is not the first one again: the runner
// and every kind of `node` child the suite starts (Azurite, scripts run through tsx, the bins
// npm and the Playground start with `#!/usr/bin/env node`) run on the version CI asked for.

const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
const run = promisify(execFile);
const scratch = mkdtempSync(path.join(tmpdir(), "dealflow-node-runtime-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The major version .ci/run expects (DEALFLOW_TEST_NODE_MAJOR), else this runner's own. */
const expectedMajor = process.env.DEALFLOW_TEST_NODE_MAJOR ?? process.versions.node.split(".")[0];

describe("the Node.js the tests run on", () => {
  it("is the major version the CI run asked for", () => {
    console.info(`tests run on Node ${process.version} (${process.execPath})`);
    expect(process.versions.node.split(".")[0]).toBe(expectedMajor);
  });

  it("is the `node` that PATH gives the bins started by npm and the Playground", async () => {
    const { stdout } = await run("node", ["-p", "process.version"], { cwd: REPO_ROOT });
    expect(stdout.trim()).toBe(process.version);
  });

  it("runs the TypeScript scripts (scripts/run-ts.mjs: package, sweep's tools, bench)", async () => {
    const file = path.join(scratch, "version.ts");
    writeFileSync(file, "const version: string = process.version;\nconsole.log(version);\n");
    const { stdout } = await run(process.execPath, ["scripts/run-ts.mjs", file], {
      cwd: REPO_ROOT,
    });
    expect(stdout.trim()).toBe(process.version);
  });

  // /proc/<pid>/exe names the binary a running process was started from (Linux only).
  it.runIf(existsSync("/proc/self/exe"))("runs the suite's Azurite (both its services)", () => {
    const { table, queue } = inject("azuritePids");
    for (const pid of [table, queue]) {
      expect(realpathSync(readlinkSync(`/proc/${pid}/exe`))).toBe(realpathSync(process.execPath));
    }
  });
});
