import type { AppConfig } from "./config/app-config.js";
import type { TableStorage } from "./storage/table-storage.js";

/** For messages outside an invocation; inside one, handlers log through `InvocationContext`. */
export type Logger = {
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
};

/** What every function may depend on; handlers receive it by closure from `createFunctions`. */
export type AppDeps = {
  config: AppConfig;
  storage: TableStorage;
  clock: () => Date;
  log: Logger;
};
