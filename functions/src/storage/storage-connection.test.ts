import type { TokenCredential } from "@azure/identity";
import { describe, expect, it } from "vitest";
import { azuriteConnectionString } from "../../../host/src/azurite/azurite.js";
import { createQueueClient, createQueueSender } from "./queue-sender.js";
import {
  carriesSecret,
  endpointsConnectionString,
  serviceUrlsOf,
  storageConfigOf,
} from "./storage-connection.js";

const credential: TokenCredential = { getToken: async () => null };
const account = {
  tableUrl: "https://dealflowprod01.table.core.windows.net",
  queueUrl: "https://dealflowprod01.queue.core.windows.net",
  clientId: "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b",
};

describe("storage connections", () => {
  it("reads service URLs from explicit endpoints or from the account name", () => {
    expect(serviceUrlsOf(azuriteConnectionString("127.0.0.1", 1, 2))).toEqual({
      tableUrl: "http://127.0.0.1:1/devstoreaccount1",
      queueUrl: "http://127.0.0.1:2/devstoreaccount1",
    });
    expect(
      serviceUrlsOf(
        "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=a2V5;EndpointSuffix=core.usgovcloudapi.net",
      ),
    ).toEqual({
      tableUrl: "https://acct.table.core.usgovcloudapi.net",
      queueUrl: "https://acct.queue.core.usgovcloudapi.net",
    });
    expect(serviceUrlsOf(endpointsConnectionString(account))).toEqual({
      tableUrl: account.tableUrl,
      queueUrl: account.queueUrl,
    });
  });

  it("tells a string that signs requests from one that only names endpoints", () => {
    expect(carriesSecret(azuriteConnectionString("127.0.0.1", 1, 2))).toBe(true);
    expect(carriesSecret("UseDevelopmentStorage=true")).toBe(true);
    expect(
      carriesSecret("TableEndpoint=https://a;QueueEndpoint=https://b;SharedAccessSignature=sv=1"),
    ).toBe(true);
    expect(carriesSecret(endpointsConnectionString(account))).toBe(false);
  });

  it("builds a keyless config with the identity's credential from the app configuration", () => {
    const asked: Array<string | undefined> = [];
    const config = storageConfigOf(
      { storageConnectionString: undefined, storageAccount: account },
      (clientId) => {
        asked.push(clientId);
        return credential;
      },
    );
    expect(config).toEqual({ connectionString: endpointsConnectionString(account), credential });
    expect(asked).toEqual([account.clientId]);
    expect(storageConfigOf({ storageConnectionString: "UseDevelopmentStorage=true" })).toEqual({
      connectionString: "UseDevelopmentStorage=true",
    });
    expect(() => storageConfigOf({ storageConnectionString: undefined })).toThrow(
      /STORAGE_ACCOUNT_NAME/,
    );
  });

  it("points queue clients at the account's queue service when a credential signs", () => {
    const config = { connectionString: endpointsConnectionString(account), credential };
    const queue = createQueueClient(config, "notifications");
    expect(queue.url).toBe(`${account.queueUrl}/notifications`);
    expect(queue.name).toBe("notifications");
  });

  it("refuses, at once, an endpoints-only string that has lost its credential", () => {
    expect(() => createQueueSender(endpointsConnectionString(account))).toThrow(/no key or SAS/);
  });
});
