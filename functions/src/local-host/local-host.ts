import { createServer, type Server } from "node:http";
import type { Logger } from "../app-deps.js";
import type {
  FunctionDefinition,
  HttpFunctionDefinition,
  TimerFunctionDefinition,
} from "../registry/function-definition.js";
import { createHttpRouter } from "./http/http-router.js";
import { createRequestListener } from "./request-listener.js";
import { createStaticSite } from "./site/static-site.js";
import { createTimerScheduler } from "./timers/timer-scheduler.js";

export type LocalHostOptions = {
  definitions: readonly FunctionDefinition[];
  host: string;
  port: number;
  timers: "on" | "off";
  /** The built tabs (tabs/dist); a placeholder page is served until it holds index.html. */
  siteRoot: string;
  clock: () => Date;
  log: Logger;
};

export type RunningLocalHost = {
  url: string;
  port: number;
  /** Stops accepting connections, stops the timers, then waits for open requests to finish. */
  close(): Promise<void>;
};

const CLOSE_GRACE_MS = 5_000;

/** Serves the function definitions the way the Azure Functions host would, on one port. */
export const startLocalHost = async (options: LocalHostOptions): Promise<RunningLocalHost> => {
  const http = options.definitions.filter((d): d is HttpFunctionDefinition => d.trigger === "http");
  const timers = options.definitions.filter(
    (d): d is TimerFunctionDefinition => d.trigger === "timer",
  );
  const queues = options.definitions.filter((d) => d.trigger === "queue");
  if (queues.length > 0) {
    const names = queues.map((d) => d.name).join(", ");
    options.log.warn(`Queue triggers are not run by the local host yet: ${names}`);
  }

  const router = createHttpRouter(http);
  const scheduler = createTimerScheduler({
    definitions: timers,
    clock: options.clock,
    log: options.log,
  });
  const origin = `http://${formatHost(options.host)}:${options.port}`;
  const server = createServer(
    createRequestListener({
      router,
      site: createStaticSite(options.siteRoot),
      log: options.log,
      origin,
    }),
  );
  const port = await listen(server, options.host, options.port);
  if (options.timers === "on") scheduler.start();

  return {
    url: `http://${formatHost(options.host)}:${port}`,
    port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await scheduler.stop();
      const forced = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      await closed;
      clearTimeout(forced);
    },
  };
};

const listen = (server: Server, host: string, port: number): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });

const formatHost = (host: string) => (host.includes(":") ? `[${host}]` : host);
