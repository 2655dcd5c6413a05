import path from "node:path";
import { fileURLToPath } from "node:url";
import {
  answersLoopbackOnly,
  ConfigError,
  createAppDeps,
  createFunctions,
  createTableStorage,
  type Logger,
  readAppConfig,
  seedDemoTenantIfEmpty,
} from "@dealflow/functions/hosting";
import { startAzurite } from "./azurite/azurite.js";
import { writeAzuriteEndpoint } from "./azurite/azurite-endpoint.js";
import { startLocalHost } from "./local-host.js";
import { createProcessLifecycle, StopRequested } from "./process-lifecycle.js";

// `npm start` (scripts/start.mjs) imports this file: it is the local host's process entry.
const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const log: Logger = console;
const lifecycle = createProcessLifecycle(log);

const start = async () => {
  const config = readAppConfig(process.env, "local-host");
  let connectionString = config.storageConnectionString;
  if (connectionString === undefined) {
    const dataDir = path.resolve(config.dataDir);
    const azurite = await startAzurite({ dataDir });
    lifecycle.onStop(() => azurite.stop());
    log.info(
      `Azurite started (tables pid ${azurite.pids.table}, queues pid ${azurite.pids.queue}), data in ${dataDir}`,
    );
    lifecycle.onStop(writeAzuriteEndpoint(dataDir, azurite.connectionString).remove);
    connectionString = azurite.connectionString;
  }
  lifecycle.checkpoint();

  const storage = createTableStorage({ connectionString });
  await storage.ensureTables();
  lifecycle.checkpoint();
  if (config.seed === "demo") {
    const seed = await seedDemoTenantIfEmpty(storage, new Date());
    if (seed.seeded) log.info(`Seeded the demo tenant ${seed.tenantId}`);
    lifecycle.checkpoint();
  }

  const clock = () => new Date();
  const host = await startLocalHost({
    definitions: createFunctions(createAppDeps({ config, storage, clock, log })),
    host: config.host,
    port: config.port,
    timers: config.timers,
    storageConnectionString: connectionString,
    siteRoot: path.join(REPO_ROOT, "tabs", "dist"),
    clock,
    log,
    loopbackOnly: answersLoopbackOnly(config),
  });
  lifecycle.onStop(() => host.close());
  lifecycle.checkpoint();
  lifecycle.running();
  log.info(
    `Dealflow is running at ${host.url} (health: ${host.url}/api/health, auth: ${config.auth.mode})`,
  );
};

start().catch((error: unknown) => {
  if (error instanceof StopRequested) return lifecycle.exit(0);
  if (error instanceof ConfigError) log.error(`Dealflow cannot start: ${error.message}`);
  else log.error("Dealflow failed to start:", error);
  return lifecycle.exit(1);
});
