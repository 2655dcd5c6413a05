import type { TestProject } from "vitest/node";
import { startAzurite } from "../../host/src/azurite/azurite.js";

declare module "vitest" {
  export interface ProvidedContext {
    storageConnectionString: string;
    /** Its process, so a test can check which Node runs it (tests/node-runtime.test.ts). */
    azuritePid: number;
  }
}

/**
 * One real Azurite (in memory, free ports, loopback) for the whole run. Test files isolate
 * themselves by table prefix and tenant id, so they can share it and run in parallel.
 */
export default async function setup(project: TestProject) {
  const azurite = await startAzurite();
  project.provide("storageConnectionString", azurite.connectionString);
  project.provide("azuritePid", azurite.pid);
  return async () => {
    await azurite.stop();
  };
}
