import { type AppDeps, createAppDeps } from "../../functions/src/app-deps.js";
import { readAppConfig } from "../../functions/src/config/app-config.js";
import type { Env } from "../../functions/src/config/env-readers.js";
import type { TableStorage } from "../../functions/src/storage/table-storage.js";
import { quiet } from "./quiet.js";

/**
 * AppDeps over a test storage, in dev auth mode unless `env` says otherwise, so tests mint
 * tokens with tests/support/tokens.ts. `env` adds or overrides environment variables.
 */
export const createTestAppDeps = (options: {
  storage: TableStorage;
  clock?: () => Date;
  env?: Env;
}): AppDeps =>
  createAppDeps({
    config: readAppConfig(
      {
        HOST: "127.0.0.1",
        PORT: "0",
        AUTH_MODE: "dev",
        TIMERS: "off",
        SEED: "none",
        STORAGE_CONNECTION_STRING: options.storage.config.connectionString,
        ...options.env,
      },
      "local-host",
    ),
    storage: options.storage,
    clock: options.clock ?? (() => new Date()),
    log: quiet,
  });
