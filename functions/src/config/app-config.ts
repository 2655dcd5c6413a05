import { type GraphConfig, readGraphConfig } from "../graph/graph-config.js";
import type { AppRuntime } from "./app-runtime.js";
import { ConfigError } from "./config-error.js";
import { type Env, readChoice, readInteger, readOptional, readUrl } from "./env-readers.js";
import { isLoopbackHost } from "./is-loopback-host.js";
import { readStorageSettings, type StorageAccountConfig } from "./storage-config.js";

export type AuthMode = "dev" | "entra";
/** Azure no longer creates multi-tenant bot registrations; the values are Bot Framework's. */
export type BotType = "SingleTenant" | "UserAssignedMSI";

export type { AppRuntime };

export type AppConfig = {
  runtime: AppRuntime;
  host: string;
  port: number;
  /** Unset, with no `storageAccount` either, means "start embedded Azurite" (local host only). */
  storageConnectionString: string | undefined;
  /** The account reached with a managed identity instead of a connection string (Azure only). */
  storageAccount: StorageAccountConfig | undefined;
  dataDir: string;
  seed: "demo" | "none";
  timers: "on" | "off";
  /** `on`: API answers carry a Server-Timing header (time waiting on storage and queues). */
  serverTiming: "on" | "off";
  auth: {
    mode: AuthMode;
    jwksUri: string | undefined;
    issuer: string | undefined;
    audience: string | undefined;
  };
  aadApp: {
    clientId: string | undefined;
    tenantId: string | undefined;
    clientSecret: string | undefined;
  };
  bot: {
    id: string | undefined;
    password: string | undefined;
    tenantId: string | undefined;
    type: BotType | undefined;
  };
  /** Microsoft Graph (mail, calendar, people); null = the local outbox adapters. */
  graph: GraphConfig | null;
  notifyCoalesceSeconds: number;
  sweepLeaseSeconds: number;
  /** Where clients reach the app from outside (links in mail, e.g. review links); no trailing /. */
  publicBaseUrl: string;
};

const BOT_TYPES: readonly BotType[] = ["SingleTenant", "UserAssignedMSI"];
const DAY_IN_SECONDS = 86_400;

/** Reads CONTRACTS.md's environment; throws a ConfigError naming the first bad variable. */
export const readAppConfig = (env: Env, runtime: AppRuntime): AppConfig => {
  const host = readOptional(env, "HOST") ?? "127.0.0.1";
  const storage = readStorageSettings(env, runtime);
  const port = readInteger(env, "PORT", 3978, { min: 0, max: 65_535 });
  return {
    runtime,
    host,
    port,
    storageConnectionString: storage.connectionString,
    storageAccount: storage.account,
    dataDir: readOptional(env, "DATA_DIR") ?? ".data",
    seed: readChoice(env, "SEED", ["demo", "none"], "demo"),
    timers: readChoice(env, "TIMERS", ["on", "off"], "on"),
    serverTiming: readChoice(env, "SERVER_TIMING", ["on", "off"], "off"),
    auth: {
      mode: readAuthMode(env, runtime, host),
      jwksUri: readUrl(env, "AUTH_JWKS_URI"),
      issuer: readOptional(env, "AUTH_ISSUER"),
      audience: readOptional(env, "AUTH_AUDIENCE"),
    },
    aadApp: {
      clientId: readOptional(env, "AAD_APP_CLIENT_ID"),
      tenantId: readOptional(env, "AAD_APP_TENANT_ID"),
      clientSecret: readOptional(env, "AAD_APP_CLIENT_SECRET"),
    },
    bot: {
      id: readOptional(env, "BOT_ID"),
      password: readOptional(env, "BOT_PASSWORD"),
      tenantId: readOptional(env, "BOT_TENANT_ID"),
      type: readBotType(env),
    },
    graph: readGraphConfig(env),
    notifyCoalesceSeconds: readInteger(env, "NOTIFY_COALESCE_SECONDS", 120, {
      min: 0,
      max: DAY_IN_SECONDS,
    }),
    sweepLeaseSeconds: readInteger(env, "SWEEP_LEASE_SECONDS", 120, {
      min: 1,
      max: DAY_IN_SECONDS,
    }),
    publicBaseUrl: (readUrl(env, "PUBLIC_BASE_URL") ?? `http://localhost:${port}`).replace(
      /\/+$/,
      "",
    ),
  };
};

// Dev mode lets anyone mint tokens for any demo user, so it exists only where nobody else can
// connect: our own host bound to loopback. Never in the Functions host, never on a LAN address.
const readAuthMode = (env: Env, runtime: AppRuntime, host: string): AuthMode => {
  const devAllowed = runtime === "local-host" && isLoopbackHost(host);
  const mode = readChoice(env, "AUTH_MODE", ["dev", "entra"], devAllowed ? "dev" : "entra");
  if (mode === "dev" && !devAllowed) {
    throw new ConfigError(
      "AUTH_MODE",
      runtime === "local-host"
        ? `dev mode is refused because HOST=${host} is not a loopback address; use HOST=127.0.0.1 or AUTH_MODE=entra`
        : "dev mode is refused in the Azure Functions host; use AUTH_MODE=entra",
    );
  }
  return mode;
};

const readBotType = (env: Env): BotType | undefined => {
  const value = readOptional(env, "BOT_TYPE");
  if (value === undefined) return undefined;
  const type = BOT_TYPES.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
  if (type === undefined) {
    throw new ConfigError("BOT_TYPE", `"${value}" is not one of ${BOT_TYPES.join(", ")}`);
  }
  return type;
};
