import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  fakeEntraCredential,
  type OAuthAzurite,
  startOAuthAzurite,
} from "./azurite-oauth.test-support.js";
import { createQueueClient, createQueueSender } from "./queue-sender.js";
import { endpointsConnectionString, type StorageConfig } from "./storage-connection.js";
import { createTableStorage } from "./table-storage.js";

// The whole path of a deployment without a connection string, against an Azurite that accepts
// nothing but bearer tokens over HTTPS. Its certificate is self-signed, and neither Azure SDK
// takes a CA option, so this test file (its own worker) skips certificate verification.
describe("storage reached with a token credential (managed identity)", () => {
  let azurite: OAuthAzurite;
  let tlsSetting: string | undefined;

  beforeAll(async () => {
    tlsSetting = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";
    azurite = await startOAuthAzurite();
  });

  afterAll(async () => {
    await azurite?.stop();
    if (tlsSetting === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    else process.env.NODE_TLS_REJECT_UNAUTHORIZED = tlsSetting;
  });

  const configWith = (credential: StorageConfig["credential"]): StorageConfig => ({
    connectionString: endpointsConnectionString(azurite),
    credential,
    tablePrefix: `mi${Date.now().toString(36)}`,
  });

  it("creates tables, writes and reads rows with the token, asking for Storage's scope", async () => {
    const { credential, scopes } = fakeEntraCredential();
    const storage = createTableStorage(configWith(credential));
    await storage.ensureTables();
    await storage.ping();
    const tenants = storage.table("tenants");
    await tenants.createEntity({ partitionKey: "t1", rowKey: "tenant", name: "Contoso" });
    expect(await tenants.getEntity("t1", "tenant")).toMatchObject({ name: "Contoso" });
    expect(new Set(scopes)).toEqual(new Set(["https://storage.azure.com/.default"]));
  });

  it("sends queue messages with the token, creating the queue on first use", async () => {
    const { credential, scopes } = fakeEntraCredential();
    const config = configWith(credential);
    const queueName = `mi-notifications-${Date.now().toString(36)}`;
    await createQueueSender(config).send(queueName, { notify: "u1" });
    const received = await createQueueClient(config, queueName).receiveMessages();
    const text = received.receivedMessageItems[0]?.messageText ?? "";
    expect(JSON.parse(Buffer.from(text, "base64").toString("utf8"))).toEqual({ notify: "u1" });
    expect(scopes).toContain("https://storage.azure.com/.default");
  });

  it("is refused by storage when the token has expired: the token is what lets us in", async () => {
    const { credential } = fakeEntraCredential(-60);
    const storage = createTableStorage(configWith(credential));
    await expect(storage.table("tenants").createTable()).rejects.toMatchObject({ statusCode: 403 });
  });
});
