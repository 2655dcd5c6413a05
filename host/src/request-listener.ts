import type { IncomingMessage, ServerResponse } from "node:http";
import type { HttpResponseInit } from "@azure/functions";
import { type Logger, problemResponse } from "@dealflow/functions/hosting";
import { type HttpRouter, ROUTE_PREFIX } from "./http/http-router.js";
import type { LoopbackGuard } from "./http/loopback-guard.js";
import { PayloadTooLargeError, readRequestBody, toHttpRequest } from "./http/to-http-request.js";
import { writeHttpResponse } from "./http/write-http-response.js";
import { createInvocationContext } from "./invocation-context.js";
import type { StaticSite } from "./site/static-site.js";

/** CONTRACTS.md: a body over 1 MiB is answered 413. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export type RequestListenerOptions = {
  router: HttpRouter;
  site: StaticSite;
  log: Logger;
  /** Fallback origin for request URLs when a client sends no Host header. */
  origin: string;
  bodyLimit?: number;
  /** Set when the host must answer this machine only (dev mode, anonymous bot): runs first. */
  guard?: LoopbackGuard;
};

/** `/api/*` and site-root pages go to the HTTP functions, everything else to the tabs. */
export const createRequestListener = (options: RequestListenerOptions) => {
  const apiPrefix = `/${ROUTE_PREFIX}/`;
  return (req: IncomingMessage, res: ServerResponse): void => {
    const method = req.method ?? "GET";
    const urlPath = (req.url ?? "/").split("?")[0] ?? "/";
    const refusal = options.guard?.(req.headers, req.method ?? "GET") ?? null;
    if (refusal !== null) {
      options.log.warn(`Refused ${method} ${urlPath}: ${refusal}`);
      void misdirected(res, method, refusal).catch(() => res.destroy());
      return;
    }
    // Site-root pages (the review form at /r/{token}) are functions too; the rest is the tabs.
    const isApi =
      `${urlPath.toLowerCase()}/`.startsWith(apiPrefix) ||
      options.router.resolve(method, urlPath).kind !== "not-found";
    const handled = isApi
      ? handleApi(options, req, res, method, urlPath)
      : options.site.serve(res, method, urlPath, req.headers["accept-encoding"]);
    handled.catch((error: unknown) => {
      options.log.error(`${method} ${urlPath} failed:`, error);
      if (!res.headersSent) {
        void send(res, method, problemResponse({ status: 500, title: "Internal Server Error" }));
      } else {
        res.destroy();
      }
    });
  };
};

const handleApi = async (
  options: RequestListenerOptions,
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  urlPath: string,
): Promise<void> => {
  const resolution = options.router.resolve(method, urlPath);
  if (resolution.kind === "not-found") {
    const detail = `No function serves ${urlPath}`;
    return send(res, method, problemResponse({ status: 404, title: "Not Found", detail }));
  }
  if (resolution.kind === "method-not-allowed") {
    const allow = resolution.allow.join(", ");
    const detail = `${urlPath} accepts ${allow}`;
    return send(
      res,
      method,
      problemResponse({ status: 405, title: "Method Not Allowed", detail }, { Allow: allow }),
    );
  }
  const limit = options.bodyLimit ?? BODY_LIMIT_BYTES;
  let body: Uint8Array;
  try {
    body = await readRequestBody(req, limit);
  } catch (error) {
    if (!(error instanceof PayloadTooLargeError)) throw error;
    const detail = `The request body may be at most ${limit} bytes`;
    // Close the connection rather than read the rest of an oversized body.
    const problem = { status: 413, title: "Content Too Large", detail };
    return send(res, method, problemResponse(problem, { Connection: "close" }));
  }
  const { definition, params } = resolution;
  const origin = req.headers.host ? `http://${req.headers.host}` : options.origin;
  const request = toHttpRequest(req, body, params, URL.canParse(origin) ? origin : options.origin);
  const context = createInvocationContext(definition.name, options.log);
  let response: HttpResponseInit;
  try {
    response = await definition.handler(request, context);
  } catch (error) {
    context.error("Unhandled error:", error);
    response = problemResponse({ status: 500, title: "Internal Server Error" });
  }
  return send(res, method, response);
};

// RFC 9110 §15.5.20: this server will not answer for the authority the request names, which
// is what a rebinding page or a tunnel reaches us under (403 would suggest that credentials help).
const misdirected = (res: ServerResponse, method: string, detail: string) =>
  send(
    res,
    method,
    problemResponse({ status: 421, title: "Misdirected Request", detail }, { Connection: "close" }),
  );

const send = (res: ServerResponse, method: string, response: HttpResponseInit) =>
  writeHttpResponse(res, response, method);
