import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../tests/support/api-harness.js";
import type { TableKey } from "../../storage/table-storage.js";

let harness: ApiHarness;
const tenant = randomUUID();
const seller = newTestUser(tenant);
/** Which storage requests go to a closed port instead of Azurite. */
let cutOff: ((url: string) => boolean) | null = null;

const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === "object" && address ? address.port : 1;
};

const partitionRows = async () => {
  const keys: string[] = [];
  const rows = harness.storage
    .table("tenantData")
    .listEntities({ queryOptions: { filter: `PartitionKey eq '${tenant}'` } });
  for await (const row of rows) keys.push(`${row.rowKey} ${row.etag}`);
  return keys.sort();
};

const create = () =>
  harness.call(seller, "POST", "/api/opportunities", {
    body: { contact: { name: "Half Written" }, source: "web-form", ownerId: seller.userId },
  });

beforeAll(async () => {
  harness = await startApiHarness();
  const port = await closedPort();
  // A real refused connection, from the same clients the app uses: requests that match are
  // sent to a port nobody listens on.
  for (const key of ["tenants", "tenantData", "deadlines"] as TableKey[]) {
    harness.storage.table(key).pipeline.addPolicy({
      name: "cut-off-storage",
      sendRequest: (request, next) => {
        if (cutOff?.(request.url))
          request.url = request.url.replace(/\/\/[^/]+\//, `//127.0.0.1:${port}/`);
        return next(request);
      },
    });
  }
  await harness.call(seller, "GET", "/api/settings");
});
afterAll(() => harness?.close());

describe("storage unreachable", () => {
  it("answers 503 with Retry-After", async () => {
    cutOff = () => true;
    try {
      const answer = await create();
      expect(answer.status).toBe(503);
      expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      cutOff = null;
    }
  }, 30_000);

  it("leaves nothing of a create that lost storage at its atomic write", async () => {
    const before = await partitionRows();
    cutOff = (url) => url.includes("$batch");
    try {
      expect((await create()).status).toBe(503);
    } finally {
      cutOff = null;
    }
    expect(await partitionRows()).toEqual(before);
    // Storage back: the same create succeeds, so the refusal above was the outage, not the input.
    expect((await create()).status).toBe(201);
    expect((await partitionRows()).length).toBeGreaterThan(before.length);
  }, 30_000);
});
