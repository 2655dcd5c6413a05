import type { TestProject } from "vitest/node";
import { startAzurite } from "../../host/src/azurite/azurite.js";

declare module "vitest" {
  export interface ProvidedContext {
    storageConnectionString: string;
    /** Its processes, so a test can check which Node runs them (tests/node-runtime.test.ts). */
    azuritePids: { table: number; queue: number };
  }
}

/**
 * One real Azurite (in memory, free ports, loopback) for the whole run. Test files isolate
 * themselves by table prefix and tenant id, so they can share it and run in parallel.
 */
export default async function setup(project: TestProject) {
  const azurite = await startAzurite();
  project.provide("storageConnectionString", azurite.connectionString);
  project.provide("azuritePids", azurite.pids);
  return async () => {
    await azurite.stop();
  };
}
