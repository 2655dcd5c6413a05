import type { AppRuntime } from "./app-runtime.js";
import { ConfigError } from "./config-error.js";
import { type Env, readOptional } from "./env-readers.js";

/** A storage account reached with a Microsoft Entra token (managed identity), no key anywhere. */
export type StorageAccountConfig = {
  tableUrl: string;
  queueUrl: string;
  /** The user-assigned managed identity's client id; unset = system-assigned or developer login. */
  clientId: string | undefined;
};

export type StorageSettings = {
  /** Unset (with no account either) means "start embedded Azurite" (local host only). */
  connectionString: string | undefined;
  account: StorageAccountConfig | undefined;
};

// Azure's rule for account names: 3 to 24 lowercase letters and digits.
const ACCOUNT_NAME = /^[a-z0-9]{3,24}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Either STORAGE_CONNECTION_STRING (a key or SAS in the string) or the account to reach with a
 * managed identity: STORAGE_ACCOUNT_NAME (public Azure cloud endpoints), or STORAGE_TABLE_URL with
 * STORAGE_QUEUE_URL (sovereign clouds, private endpoints, Azurite over HTTPS). Never both.
 */
export const readStorageSettings = (env: Env, runtime: AppRuntime): StorageSettings => {
  const connectionString = readOptional(env, "STORAGE_CONNECTION_STRING");
  const clientId = readClientId(env);
  const endpoints = readAccountEndpoints(env);
  if (connectionString !== undefined && endpoints !== undefined) {
    throw new ConfigError(
      "STORAGE_CONNECTION_STRING",
      `set either a connection string or ${endpoints.source} (managed identity), not both`,
    );
  }
  if (endpoints !== undefined && runtime === "local-host") {
    // npm start and npm run sweep open storage from the connection string (or embedded Azurite).
    throw new ConfigError(
      endpoints.variable,
      "managed-identity storage is for the Azure Functions host; locally set STORAGE_CONNECTION_STRING or nothing (embedded Azurite)",
    );
  }
  if (connectionString === undefined && endpoints === undefined && runtime === "functions-host") {
    throw new ConfigError(
      "STORAGE_CONNECTION_STRING",
      "is required in the Azure Functions host unless STORAGE_ACCOUNT_NAME (or STORAGE_TABLE_URL and STORAGE_QUEUE_URL) names the account to reach with a managed identity",
    );
  }
  return {
    connectionString,
    account: endpoints && { tableUrl: endpoints.tableUrl, queueUrl: endpoints.queueUrl, clientId },
  };
};

/** `source` names what set them, for messages; `variable` is the first of those variables. */
type AccountEndpoints = { tableUrl: string; queueUrl: string; source: string; variable: string };

const readAccountEndpoints = (env: Env): AccountEndpoints | undefined => {
  const name = readOptional(env, "STORAGE_ACCOUNT_NAME");
  const tableUrl = readHttpsUrl(env, "STORAGE_TABLE_URL");
  const queueUrl = readHttpsUrl(env, "STORAGE_QUEUE_URL");
  if (name !== undefined && (tableUrl !== undefined || queueUrl !== undefined)) {
    throw new ConfigError(
      "STORAGE_ACCOUNT_NAME",
      "set either STORAGE_ACCOUNT_NAME or STORAGE_TABLE_URL and STORAGE_QUEUE_URL, not both",
    );
  }
  if (name !== undefined) {
    if (!ACCOUNT_NAME.test(name)) {
      throw new ConfigError(
        "STORAGE_ACCOUNT_NAME",
        `"${name}" is not a storage account name (3 to 24 lowercase letters and digits)`,
      );
    }
    return {
      tableUrl: `https://${name}.table.core.windows.net`,
      queueUrl: `https://${name}.queue.core.windows.net`,
      source: "STORAGE_ACCOUNT_NAME",
      variable: "STORAGE_ACCOUNT_NAME",
    };
  }
  if (tableUrl === undefined && queueUrl === undefined) return undefined;
  if (tableUrl === undefined) {
    throw new ConfigError("STORAGE_TABLE_URL", "is required when STORAGE_QUEUE_URL is set");
  }
  if (queueUrl === undefined) {
    throw new ConfigError("STORAGE_QUEUE_URL", "is required when STORAGE_TABLE_URL is set");
  }
  return {
    tableUrl,
    queueUrl,
    source: "STORAGE_TABLE_URL and STORAGE_QUEUE_URL",
    variable: "STORAGE_TABLE_URL",
  };
};

/** Bearer tokens travel over HTTPS only: the SDK refuses them on http, and so do we, earlier. */
const readHttpsUrl = (env: Env, name: string): string | undefined => {
  const value = readOptional(env, name);
  if (value === undefined) return undefined;
  if (!URL.canParse(value) || new URL(value).protocol !== "https:") {
    throw new ConfigError(name, `"${value}" is not an absolute https:// URL`);
  }
  return value.replace(/\/+$/, "");
};

const readClientId = (env: Env): string | undefined => {
  const value = readOptional(env, "AZURE_CLIENT_ID");
  if (value !== undefined && !GUID.test(value)) {
    throw new ConfigError("AZURE_CLIENT_ID", `"${value}" is not a client id (a GUID)`);
  }
  return value;
};
