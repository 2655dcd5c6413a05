import { randomUUID } from "node:crypto";
import { type BotRuntime, createBotRuntime } from "./bot/bot-runtime.js";
import { createLimiterPeers } from "./bot/limiter-peers.js";
import type { AppConfig } from "./config/app-config.js";
import { createGraphAdapters, type GraphAdapters } from "./graph/create-graph-adapters.js";
import { createAuthenticator } from "./identity/create-authenticator.js";
import { createDevTokenIssuer, type DevTokenIssuer } from "./identity/dev-token-issuer.js";
import type { Authenticator } from "./identity/principal.js";
import { queuePublisher } from "./notifications/notifications-queue.js";
import { createQueueSender, type QueueSender } from "./storage/queue-sender.js";
import { createStore, type Store } from "./storage/store.js";
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
  /**
   * One store for every function: commits publish their notifications to `queue`. It is the
   * only way to the tables; no function gets a table client (docs/storage.md, "Row kinds").
   */
  store: Store;
  queue: QueueSender;
  clock: () => Date;
  log: Logger;
  /** Bearer token → principal (provisioned just in time); throws UnauthorizedError. */
  authenticate: Authenticator;
  /** Dev mode's token issuer (`/api/dev/token`, tests); null in entra mode. */
  devTokens: DevTokenIssuer | null;
  /** The Teams bot: identity, Bot Connector client, proactive pacing (one per process). */
  bot: BotRuntime;
  /** Mail, calendar and people search: Microsoft Graph when configured, else local outboxes. */
  graph: GraphAdapters;
};

/** Every request needs its tenant's settings; another instance's change shows within this. */
const SETTINGS_TTL_MS = 30_000;

/** Wires the shared dependencies once, for the Azure entry point, the local host and tests. */
export const createAppDeps = (options: {
  config: AppConfig;
  storage: TableStorage;
  clock: () => Date;
  log: Logger;
}): AppDeps => {
  const queue = createQueueSender(options.storage.config);
  const store = createStore(options.storage, options.clock, {
    publish: queuePublisher(queue),
    settingsTtlMs: SETTINGS_TTL_MS,
    teamlessTtlMs: SETTINGS_TTL_MS,
  });
  const devTokens = options.config.auth.mode === "dev" ? createDevTokenIssuer(options.clock) : null;
  const authenticate = createAuthenticator({ ...options, store, devTokens });
  const bot = createBotRuntime(options.config, process.env, {
    peers: createLimiterPeers({
      log: store.limiterPeers,
      // Azure names each instance of a Function app; elsewhere a process is one instance.
      instanceId: process.env.WEBSITE_INSTANCE_ID?.trim() || randomUUID(),
      warn: (message) => options.log.warn(message),
    }),
  });
  return {
    config: options.config,
    clock: options.clock,
    log: options.log,
    store,
    queue,
    authenticate,
    devTokens,
    bot,
    graph: createGraphAdapters(options.config.graph, {
      store,
      clock: options.clock,
      teamsAppId: bot.links.teamsAppId,
    }),
  };
};
