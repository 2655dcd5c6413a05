import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { FunctionDefinition, HttpFunctionDefinition } from "./function-definition.js";
import { registerWithAzure } from "./register-with-azure.js";

const handler = async () => ({ status: 204 });
const siteHandler = async () => ({ status: 200 });
const site: HttpFunctionDefinition = {
  name: "tabSite",
  trigger: "http",
  methods: ["GET", "HEAD"],
  route: "{*path}",
  authLevel: "anonymous",
  handler: siteHandler,
};

const recorder = () => {
  const calls: [string, string, unknown][] = [];
  const record = (kind: string) => (name: string, options: unknown) =>
    void calls.push([kind, name, options]);
  return {
    calls,
    app: { http: record("http"), timer: record("timer"), storageQueue: record("storageQueue") },
  };
};
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
  {
    name: "messages",
    trigger: "http",
    methods: ["POST"],
    route: "messages",
    authLevel: "anonymous",
    handler,
  },
  { name: "sweep", trigger: "timer", schedule: "0 */1 * * * *", handler: noop },
  { name: "deliver", trigger: "queue", queueName: "notifications", handler: noop },
];

describe("registerWithAzure", () => {
  it("registers each definition with the app.* call of its trigger, HTTP routes under api/", () => {
    const { calls, app } = recorder();

    registerWithAzure(app, definitions);

    expect(calls).toEqual([
      [
        "http",
        "health",
        { methods: ["GET"], route: "api/health", authLevel: "anonymous", handler },
      ],
      [
        "http",
        "messages",
        { methods: ["POST"], route: "api/messages", authLevel: "anonymous", handler },
      ],
      ["timer", "sweep", { schedule: "0 */1 * * * *", runOnStartup: false, handler: noop }],
      [
        "storageQueue",
        "deliver",
        { queueName: "notifications", connection: "STORAGE_CONNECTION_STRING", handler: noop },
      ],
    ]);
  });

  it("registers the site at its catch-all route, unprefixed, after the literal api/ routes", () => {
    const { calls, app } = recorder();

    registerWithAzure(app, definitions, { site });

    const http = calls.filter(([kind]) => kind === "http");
    expect(http.map(([, name, options]) => [name, (options as { route: string }).route])).toEqual([
      ["health", "api/health"],
      ["messages", "api/messages"],
      ["tabSite", "{*path}"],
    ]);
    expect(http.at(-1)?.[2]).toEqual({
      methods: ["GET", "HEAD"],
      route: "{*path}",
      authLevel: "anonymous",
      handler: siteHandler,
    });
  });

  it("registers no site unless given one (the local host serves the tabs itself)", () => {
    const { calls, app } = recorder();

    registerWithAzure(app, definitions);

    expect(calls.map(([, name]) => name)).not.toContain("tabSite");
  });

  it("matches host.json, whose empty routePrefix leaves the api/ prefix to the registration", async () => {
    const hostJson = JSON.parse(
      await readFile(new URL("../../host.json", import.meta.url), "utf8"),
    ) as { extensions: { http: { routePrefix: string } } };

    expect(hostJson.extensions.http.routePrefix).toBe("");
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
