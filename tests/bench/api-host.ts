import { tmpdir } from "node:os";
import path from "node:path";
import { apiFunctions } from "../../functions/src/api/api-functions.js";
import { type AppDeps, createAppDeps } from "../../functions/src/app-deps.js";
import { readAppConfig } from "../../functions/src/config/app-config.js";
import { answersLoopbackOnly } from "../../functions/src/config/loopback-only.js";
import { startLocalHost } from "../../host/src/local-host.js";
import { quiet } from "../support/quiet.js";
import type { BenchStore } from "./bench-kit.js";

export type BenchApiHost = {
  url: string;
  deps: AppDeps;
  /** A dev-mode bearer token (the same validation path as Entra's, another trusted key). */
  tokenFor(user: {
    tenantId: string;
    userId: string;
    manager?: boolean;
    name?: string;
  }): Promise<string>;
  close(): Promise<void>;
};

/**
 * The API on the local host over a bench store's tables, as `npm start` serves it (dev auth
 * on loopback, no timers): benchmarks measure HTTP, authentication and all. With `siteRoot`
 * (the built tabs) it serves the tab too.
 */
export const startBenchApiHost = async (
  store: BenchStore,
  options: { siteRoot?: string } = {},
): Promise<BenchApiHost> => {
  const connectionString = store.storage.config.connectionString;
  const config = readAppConfig(
    {
      HOST: "127.0.0.1",
      PORT: "0",
      AUTH_MODE: "dev",
      TIMERS: "off",
      SEED: "none",
      STORAGE_CONNECTION_STRING: connectionString,
    },
    "local-host",
  );
  const clock = () => new Date();
  const deps = createAppDeps({ config, storage: store.storage, clock, log: quiet });
  const host = await startLocalHost({
    definitions: apiFunctions(deps),
    host: "127.0.0.1",
    port: 0,
    timers: "off",
    storageConnectionString: connectionString,
    siteRoot: options.siteRoot ?? path.join(tmpdir(), "dealflow-no-site"),
    clock,
    log: quiet,
    loopbackOnly: answersLoopbackOnly(deps.config),
  });
  return {
    url: host.url,
    deps,
    async tokenFor(user) {
      if (deps.devTokens === null) throw new Error("the bench host runs in dev auth mode");
      return deps.devTokens.sign({
        tenantId: user.tenantId,
        userId: user.userId,
        // A token's name renames its user: a demo user keeps theirs.
        name: user.name ?? "Bench User",
        roles: user.manager ? ["Dealflow.Manager"] : [],
      });
    },
    close: () => host.close(),
  };
};
