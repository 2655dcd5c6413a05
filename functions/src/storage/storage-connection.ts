import {
  DefaultAzureCredential,
  ManagedIdentityCredential,
  type TokenCredential,
} from "@azure/identity";
import type { StorageAccountConfig } from "../config/storage-config.js";

/**
 * How Dealflow reaches its storage account. Either a connection string carrying a key or SAS
 * (Azurite, tests, `npm start`), or, with `credential`, one that names only the endpoints
 * (`TableEndpoint=…;QueueEndpoint=…`) while a Microsoft Entra token signs every request.
 */
export type StorageConfig = {
  connectionString: string;
  /** Set for managed-identity access: no key exists in the app's configuration at all. */
  credential?: TokenCredential;
  /** Prefixed to every table name: lets tests share one Azurite without sharing rows. */
  tablePrefix?: string;
};

export type ServiceUrls = { tableUrl: string; queueUrl: string };

const settingsOf = (connectionString: string): Map<string, string> =>
  new Map(
    connectionString
      .split(";")
      .map((part) => part.trim())
      .filter((part) => part.includes("="))
      .map((part) => {
        const at = part.indexOf("=");
        return [part.slice(0, at).toLowerCase(), part.slice(at + 1)] as const;
      }),
  );

/** True when the string itself can sign requests (account key, SAS, or Azurite's shorthand). */
export const carriesSecret = (connectionString: string): boolean => {
  const settings = settingsOf(connectionString);
  return (
    settings.has("accountkey") ||
    settings.has("sharedaccesssignature") ||
    settings.get("usedevelopmentstorage")?.toLowerCase() === "true"
  );
};

/** The endpoints-only connection string of a managed-identity account. */
export const endpointsConnectionString = (urls: ServiceUrls): string =>
  `TableEndpoint=${urls.tableUrl};QueueEndpoint=${urls.queueUrl}`;

/** The table and queue service URLs a connection string names, explicitly or by account. */
export const serviceUrlsOf = (connectionString: string): ServiceUrls => {
  const settings = settingsOf(connectionString);
  const account = settings.get("accountname");
  const protocol = settings.get("defaultendpointsprotocol") ?? "https";
  const suffix = settings.get("endpointsuffix") ?? "core.windows.net";
  const url = (service: "table" | "queue") => {
    const explicit = settings.get(`${service}endpoint`);
    if (explicit) return explicit.replace(/\/+$/, "");
    if (account) return `${protocol}://${account}.${service}.${suffix}`;
    throw new Error(`The storage connection string names no ${service} endpoint and no account`);
  };
  return { tableUrl: url("table"), queueUrl: url("queue") };
};

/**
 * A user-assigned identity is asked for by its client id, with no probing of other sources.
 * Without one, DefaultAzureCredential finds the system-assigned identity in Azure, or the
 * developer's `az login` when the Functions host runs on a workstation (`func start`).
 */
export const storageCredential = (clientId: string | undefined): TokenCredential =>
  clientId ? new ManagedIdentityCredential({ clientId }) : new DefaultAzureCredential();

/** The StorageConfig of the app's configuration (after readAppConfig has validated it). */
export const storageConfigOf = (
  config: { storageConnectionString: string | undefined; storageAccount?: StorageAccountConfig },
  credentialFor: (clientId: string | undefined) => TokenCredential = storageCredential,
): StorageConfig => {
  if (config.storageConnectionString !== undefined) {
    return { connectionString: config.storageConnectionString };
  }
  if (config.storageAccount !== undefined) {
    return {
      connectionString: endpointsConnectionString(config.storageAccount),
      credential: credentialFor(config.storageAccount.clientId),
    };
  }
  throw new Error("No storage configured: set STORAGE_CONNECTION_STRING or STORAGE_ACCOUNT_NAME");
};
