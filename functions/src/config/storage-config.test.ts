import { describe, expect, it } from "vitest";
import { readAppConfig } from "./app-config.js";
import { ConfigError } from "./config-error.js";
import { readStorageSettings } from "./storage-config.js";

const CLIENT_ID = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

const errorOf = (run: () => unknown): ConfigError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
};

describe("readStorageSettings", () => {
  it("keeps a connection string as it is", () => {
    const settings = readStorageSettings(
      { STORAGE_CONNECTION_STRING: "UseDevelopmentStorage=true" },
      "functions-host",
    );
    expect(settings).toEqual({
      connectionString: "UseDevelopmentStorage=true",
      account: undefined,
    });
  });

  it("turns STORAGE_ACCOUNT_NAME into the public cloud's table and queue endpoints", () => {
    const settings = readStorageSettings(
      { STORAGE_ACCOUNT_NAME: "dealflowprod01", AZURE_CLIENT_ID: CLIENT_ID },
      "functions-host",
    );
    expect(settings).toEqual({
      connectionString: undefined,
      account: {
        tableUrl: "https://dealflowprod01.table.core.windows.net",
        queueUrl: "https://dealflowprod01.queue.core.windows.net",
        clientId: CLIENT_ID,
      },
    });
  });

  it("takes explicit service URLs (sovereign clouds, private endpoints), without a trailing slash", () => {
    const settings = readStorageSettings(
      {
        STORAGE_TABLE_URL: "https://acct.table.core.chinacloudapi.cn/",
        STORAGE_QUEUE_URL: "https://acct.queue.core.chinacloudapi.cn",
      },
      "functions-host",
    );
    expect(settings.account).toEqual({
      tableUrl: "https://acct.table.core.chinacloudapi.cn",
      queueUrl: "https://acct.queue.core.chinacloudapi.cn",
      clientId: undefined,
    });
  });

  it.each([
    {
      env: {},
      variable: "STORAGE_CONNECTION_STRING",
      says: "unless STORAGE_ACCOUNT_NAME",
    },
    {
      env: {
        STORAGE_CONNECTION_STRING: "UseDevelopmentStorage=true",
        STORAGE_ACCOUNT_NAME: "acct001",
      },
      variable: "STORAGE_CONNECTION_STRING",
      says: "not both",
    },
    {
      env: {
        STORAGE_CONNECTION_STRING: "UseDevelopmentStorage=true",
        STORAGE_TABLE_URL: "https://a.example",
        STORAGE_QUEUE_URL: "https://b.example",
      },
      variable: "STORAGE_CONNECTION_STRING",
      says: "STORAGE_TABLE_URL and STORAGE_QUEUE_URL (managed identity), not both",
    },
    {
      env: { STORAGE_ACCOUNT_NAME: "acct001", STORAGE_TABLE_URL: "https://a.example" },
      variable: "STORAGE_ACCOUNT_NAME",
      says: "not both",
    },
    {
      env: { STORAGE_ACCOUNT_NAME: "Dealflow-Prod" },
      variable: "STORAGE_ACCOUNT_NAME",
      says: "Dealflow-Prod",
    },
    {
      env: { STORAGE_TABLE_URL: "https://a.example" },
      variable: "STORAGE_QUEUE_URL",
      says: "required",
    },
    {
      env: { STORAGE_QUEUE_URL: "https://a.example" },
      variable: "STORAGE_TABLE_URL",
      says: "required",
    },
    {
      env: {
        STORAGE_TABLE_URL: "http://127.0.0.1:10002/devstoreaccount1",
        STORAGE_QUEUE_URL: "https://a",
      },
      variable: "STORAGE_TABLE_URL",
      says: "https://",
    },
    {
      env: { STORAGE_ACCOUNT_NAME: "acct001", AZURE_CLIENT_ID: "my-identity" },
      variable: "AZURE_CLIENT_ID",
      says: "my-identity",
    },
  ])("refuses $env with an error naming $variable", ({ env, variable, says }) => {
    const error = errorOf(() => readStorageSettings(env, "functions-host"));
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(variable);
    expect(error.message).toContain(says);
  });

  it("refuses managed-identity storage in the local host, which opens storage by connection string", () => {
    const error = errorOf(() =>
      readStorageSettings({ STORAGE_ACCOUNT_NAME: "acct001" }, "local-host"),
    );
    expect(error.variable).toBe("STORAGE_ACCOUNT_NAME");
    expect(error.message).toContain("Azure Functions host");
  });

  it("lets the local host start embedded Azurite when nothing is set", () => {
    expect(readStorageSettings({}, "local-host")).toEqual({
      connectionString: undefined,
      account: undefined,
    });
  });

  it("is what readAppConfig reports", () => {
    const config = readAppConfig({ STORAGE_ACCOUNT_NAME: "acct001" }, "functions-host");
    expect(config.storageConnectionString).toBeUndefined();
    expect(config.storageAccount?.tableUrl).toBe("https://acct001.table.core.windows.net");
  });
});
