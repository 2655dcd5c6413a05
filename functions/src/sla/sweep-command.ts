import path from "node:path";
import { readAppConfig } from "../config/app-config.js";
import { ConfigError } from "../config/config-error.js";
import { createOutboxCalendar } from "../graph/outbox-calendar.js";
import { startAzurite } from "../local-host/azurite.js";
import { readAzuriteEndpoint } from "../local-host/azurite-endpoint.js";
import { queuePublisher } from "../notifications/notifications-queue.js";
import { createQueueSender } from "../storage/queue-sender.js";
import { createStore } from "../storage/store.js";
import { createTableStorage } from "../storage/table-storage.js";
import { runSweep } from "./sla-sweep.js";

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
    const storage = createTableStorage({ connectionString: opened.connectionString });
    await storage.ensureTables();
    const publish = queuePublisher(createQueueSender(opened.connectionString));
    const clock = () => new Date();
    const store = createStore(storage, clock, { publish });
    const report = await runSweep({
      store,
      publish,
      clock,
      leaseSeconds: config.sweepLeaseSeconds,
      // The local host's: a revealed client's meeting goes to the dev outbox, as under npm start.
      calendar: createOutboxCalendar(store.mailOutbox, clock),
      log: console,
    });
    await opened.stop();
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
