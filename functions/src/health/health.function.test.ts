import azureFunctions from "@azure/functions";
import { describe, expect, inject, it } from "vitest";
import { azuriteConnectionString, freePort } from "../../../host/src/azurite/azurite.js";
import { createStore } from "../storage/store.js";
import { createTableStorage, type TableStorage } from "../storage/table-storage.js";
import { healthFunction } from "./health.function.js";

const checkHealth = (storage: TableStorage) =>
  healthFunction({ store: createStore(storage) }).handler(
    new azureFunctions.HttpRequest({ method: "GET", url: "http://127.0.0.1/api/health" }),
    new azureFunctions.InvocationContext({ functionName: "health", logHandler: () => {} }),
  );

// The run's Azurite, started by tests/support/azurite.global-setup.ts.
const reachableStorage = () =>
  createTableStorage({ connectionString: inject("storageConnectionString") });

describe("healthFunction", () => {
  it("is GET /api/health, open to anonymous callers", () => {
    expect(healthFunction({ store: createStore(reachableStorage()) })).toMatchObject({
      name: "health",
      trigger: "http",
      methods: ["GET"],
      route: "health",
      authLevel: "anonymous",
    });
  });

  it("answers 200 ok when storage answers", async () => {
    const response = await checkHealth(reachableStorage());

    expect(response.status).toBe(200);
    expect(response.headers).toMatchObject({ "Content-Type": "application/json" });
    expect(response.jsonBody).toEqual({ status: "ok", storage: "ok" });
  });

  it("answers 503 degraded with Retry-After, without hanging, when nothing listens on the storage port", async () => {
    const closedPort = await freePort();
    const storage = createTableStorage({
      connectionString: azuriteConnectionString("127.0.0.1", closedPort, closedPort),
    });
    const started = Date.now();

    const response = await checkHealth(storage);

    expect(Date.now() - started).toBeLessThan(5_000);
    expect(response.status).toBe(503);
    expect(response.headers).toMatchObject({
      "Content-Type": "application/json",
      "Retry-After": expect.stringMatching(/^\d+$/),
    });
    expect(response.jsonBody).toEqual({ status: "degraded", storage: "unreachable" });
  });
});
