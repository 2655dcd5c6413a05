import path from "node:path";
import {
  ConfigError,
  createTableStorage,
  readAppConfig,
  sweepOnce,
} from "@dealflow/functions/hosting";
import { startAzurite } from "./azurite/azurite.js";
import { readAzuriteEndpoint } from "./azurite/azurite-endpoint.js";

// `npm run sweep` (scripts/sweep.mjs): one sweep now, then exit 0 with
// `fired N, skipped M, failed K` as the last line of output (CONTRACTS.md).

type Storage = { connectionString: string; stop(): Promise<void> };

/**
 * STORAGE_CONNECTION_STRING if set; else the Azurite of a running `npm start` on the same
 * DATA_DIR; else an Azurite of our own on DATA_DIR, stopped before we exit.
 */
const openStorage = async (configured: string | undefined, dataDir: string): Promise<Storage> => {
  const none = async () => {};
  if (configured !== undefined) return { connectionString: configured, stop: none };
  const running = readAzuriteEndpoint(dataDir);
  if (running !== null) {
    try {
      await createTableStorage({ connectionString: running.connectionString }).ping(2_000);
      return { connectionString: running.connectionString, stop: none };
    } catch {
      // The host that wrote it has gone; its Azurite went with it.
    }
  }
  const azurite = await startAzurite({ dataDir });
  return { connectionString: azurite.connectionString, stop: () => azurite.stop() };
};

const main = async (): Promise<number> => {
  const config = readAppConfig(process.env, "local-host");
  const opened = await openStorage(config.storageConnectionString, path.resolve(config.dataDir));
  try {
    const report = await sweepOnce({
      connectionString: opened.connectionString,
      leaseSeconds: config.sweepLeaseSeconds,
    });
    await opened.stop();
    if (report.deadLettered > 0) console.log(`dead-lettered ${report.deadLettered}`);
    console.log(`fired ${report.fired}, skipped ${report.skipped}, failed ${report.failed}`);
    return 0;
  } catch (error) {
    await opened.stop();
    throw error;
  }
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(`npm run sweep: ${error.message}`);
    else console.error("npm run sweep failed:", error);
    process.exit(1);
  },
);
