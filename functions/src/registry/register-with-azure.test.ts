import { describe, expect, it } from "vitest";
import type { FunctionDefinition } from "./function-definition.js";
import { registerWithAzure } from "./register-with-azure.js";

const handler = async () => ({ status: 204 });
const noop = async () => {};

const definitions: FunctionDefinition[] = [
  {
    name: "health",
    trigger: "http",
    methods: ["GET"],
    route: "health",
    authLevel: "anonymous",
    handler,
  },
  { name: "sweep", trigger: "timer", schedule: "0 */1 * * * *", handler: noop },
  { name: "deliver", trigger: "queue", queueName: "notifications", handler: noop },
];

describe("registerWithAzure", () => {
  it("registers each definition with the app.* call of its trigger", () => {
    const calls: [string, string, unknown][] = [];
    const record = (kind: string) => (name: string, options: unknown) =>
      void calls.push([kind, name, options]);

    registerWithAzure(
      { http: record("http"), timer: record("timer"), storageQueue: record("storageQueue") },
      definitions,
    );

    expect(calls).toEqual([
      ["http", "health", { methods: ["GET"], route: "health", authLevel: "anonymous", handler }],
      ["timer", "sweep", { schedule: "0 */1 * * * *", runOnStartup: false, handler: noop }],
      [
        "storageQueue",
        "deliver",
        { queueName: "notifications", connection: "STORAGE_CONNECTION_STRING", handler: noop },
      ],
    ]);
  });

  it("refuses an invalid queue name before registering anything", () => {
    const calls: string[] = [];
    const record = (kind: string) => () => void calls.push(kind);
    const bad: FunctionDefinition = {
      name: "deliver",
      trigger: "queue",
      queueName: "Bad_Name",
      handler: noop,
    };

    expect(() =>
      registerWithAzure(
        { http: record("http"), timer: record("timer"), storageQueue: record("storageQueue") },
        [...definitions, bad],
      ),
    ).toThrow('Queue function "deliver": "Bad_Name" is not a valid Azure queue name');
    expect(calls).toEqual([]);
  });
});
