import type { ApiHarness } from "../../../../tests/support/api-harness.js";
import { createGraphAdapters } from "../../graph/create-graph-adapters.js";
import type { FakeMicrosoft } from "../../graph/fake-microsoft.test-support.js";
import { type GraphConfig, readGraphConfig } from "../../graph/graph-config.js";

/** A Graph configuration whose URLs the harness then points at the loopback fake. */
export const testGraphConfig = (): GraphConfig => {
  const config = readGraphConfig({
    AAD_APP_CLIENT_ID: "app-client-id",
    AAD_APP_TENANT_ID: "home-tenant",
    AAD_APP_CLIENT_SECRET: "app-secret",
    MAIL_SENDER: "dealflow@contoso.test",
  });
  if (config === null) throw new Error("the test Graph configuration is incomplete");
  return config;
};

/**
 * Switches a running harness to Graph mode against `fake` (the routes read `deps.graph` and
 * `deps.config` per request); answers how to switch back to the local adapters.
 */
export const useFakeGraph = (harness: ApiHarness, fake: FakeMicrosoft): (() => void) => {
  const { graph, config } = harness.deps;
  const graphConfig = testGraphConfig();
  harness.deps.config = { ...config, graph: graphConfig };
  harness.deps.graph = createGraphAdapters(graphConfig, {
    store: harness.deps.store,
    clock: harness.deps.clock,
    overrides: {
      tokenEndpointHost: fake.loginUrl,
      graphBaseUrl: fake.graphUrl,
      sleep: async () => {},
    },
  });
  return () => {
    harness.deps.graph = graph;
    harness.deps.config = config;
  };
};

/** A directory user as Graph's /users answers them. */
export type DirectoryEntry = { id: string; displayName: string; mail: string | null };

/** Answers Graph's /users `$search` with the entries whose name or mail contains the term. */
export const answerDirectory = (fake: FakeMicrosoft, directory: DirectoryEntry[]) =>
  fake.onGraph((seen) => {
    const search = new URL(seen.path, "http://x").searchParams.get("$search") ?? "";
    const term = /"displayName:([^"]*)"/.exec(search)?.[1]?.toLowerCase() ?? "";
    const value = directory.filter((entry) =>
      `${entry.displayName} ${entry.mail ?? ""}`.toLowerCase().includes(term),
    );
    return { status: 200, body: { value } };
  });
