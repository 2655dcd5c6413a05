type PipelinePolicy = Parameters<TableClient["pipeline"]["addPolicy"]>[0];

import { TableClient as Client, type TableClient, TableServiceClient } from "@azure/data-tables";
import { trackIo } from "../observability/request-timing.js";
import { type StorageConfig, serviceUrlsOf } from "./storage-connection.js";

export type { StorageConfig } from "./storage-connection.js";

/** Every table Dealflow uses. Tenant data shares one table so a use case commits atomically. */
export const TABLE_NAMES = {
  tenants: "Tenants",
  tenantData: "TenantData",
  deadlines: "Deadlines",
  conversations: "Conversations",
} as const;

export type TableKey = keyof typeof TABLE_NAMES;

/** Counts storage round trips (HTTP requests), for the benchmarks' operations-per-action. */
export type OperationCounter = { count: number };

export type TableStorage = {
  readonly config: StorageConfig;
  readonly operations: OperationCounter;
  table(key: TableKey): TableClient;
  ensureTables(): Promise<void>;
  /** Resolves if storage answers within `timeoutMs`; rejects otherwise. */
  ping(timeoutMs?: number): Promise<void>;
};

const isLoopbackHttp = (connectionString: string) =>
  /Endpoint=http:\/\/(127\.|localhost|\[::1\])/i.test(connectionString) ||
  /UseDevelopmentStorage=true/i.test(connectionString);

export const createTableStorage = (config: StorageConfig): TableStorage => {
  const operations: OperationCounter = { count: 0 };
  const tableUrl = () => serviceUrlsOf(config.connectionString).tableUrl;
  const options = {
    // Bearer tokens never travel over plain HTTP; keys only to a local Azurite.
    allowInsecureConnection: !config.credential && isLoopbackHttp(config.connectionString),
    retryOptions: { maxRetries: 2 },
  };
  const countPolicy: PipelinePolicy = {
    name: "dealflow-operation-counter",
    sendRequest: (request, next) => {
      operations.count += 1;
      return trackIo("storage", () => next(request));
    },
  };
  const clients = new Map<TableKey, TableClient>();
  const tableName = (key: TableKey) => `${config.tablePrefix ?? ""}${TABLE_NAMES[key]}`;
  const table = (key: TableKey): TableClient => {
    let client = clients.get(key);
    if (!client) {
      client = config.credential
        ? new Client(tableUrl(), tableName(key), config.credential, options)
        : Client.fromConnectionString(config.connectionString, tableName(key), options);
      client.pipeline.addPolicy(countPolicy);
      clients.set(key, client);
    }
    return client;
  };
  const service = config.credential
    ? new TableServiceClient(tableUrl(), config.credential, options)
    : TableServiceClient.fromConnectionString(config.connectionString, options);

  return {
    config,
    operations,
    table,
    async ensureTables() {
      await Promise.all(
        (Object.keys(TABLE_NAMES) as TableKey[]).map((key) => table(key).createTable()),
      );
    },
    async ping(timeoutMs = 3_000) {
      const abortSignal = AbortSignal.timeout(timeoutMs);
      await service.listTables({ abortSignal }).byPage({ maxPageSize: 1 }).next();
    },
  };
};
