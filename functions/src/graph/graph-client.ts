import { adminConsentUrlOf, GraphConsentRequiredError, graphUnavailable } from "./graph-errors.js";
import type { GraphActor, GraphTokens } from "./graph-tokens.js";

export type GraphRequest = {
  actor: GraphActor;
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** Relative to the Graph base URL, with its query already encoded: `/users/x/sendMail`. */
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
};

export type GraphClient = {
  /** The parsed JSON answer (undefined for 202/204); throws the mapped errors only. */
  request<T>(request: GraphRequest): Promise<T | undefined>;
};

export type GraphClientOptions = {
  tokens: GraphTokens;
  baseUrl: string;
  clientId: string;
  authorityHost: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Retries of one request after 429/503/504 or a network failure. */
  maxRetries?: number;
  /** The longest Retry-After honoured; a longer one fails now and the caller retries later. */
  maxRetryAfterMs?: number;
  timeoutMs?: number;
};

const RETRYABLE = new Set([429, 503, 504]);
const DEFAULT_BACKOFF_MS = 1_000;

/** Retry-After as seconds or an HTTP date (RFC 9110 §10.2.3); null when absent or unreadable. */
export const retryAfterMs = (header: string | null, now = Date.now()): number | null => {
  if (header === null || header.trim() === "") return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1_000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
};

const graphCodeOf = async (response: Response): Promise<string> => {
  try {
    const body = (await response.json()) as { error?: { code?: unknown } };
    return typeof body.error?.code === "string" ? body.error.code : `http_${response.status}`;
  } catch {
    return `http_${response.status}`;
  }
};

/**
 * Microsoft Graph over fetch (no SDK): a bearer token from msal per call, JSON in and out,
 * bounded retries that honour Retry-After (Graph's throttling contract), and every failure
 * mapped to GraphConsentRequiredError (401/403) or `unavailable`; no raw error escapes.
 */
export const createGraphClient = (options: GraphClientOptions): GraphClient => {
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  const maxRetries = options.maxRetries ?? 3;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
  const timeoutMs = options.timeoutMs ?? 15_000;

  const send = async (request: GraphRequest, token: string): Promise<Response> =>
    doFetch(`${options.baseUrl}${request.path}`, {
      method: request.method,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: "application/json",
        ...(request.body === undefined ? {} : { "Content-Type": "application/json" }),
        ...request.headers,
      },
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: AbortSignal.timeout(timeoutMs),
    });

  return {
    async request<T>(request: GraphRequest): Promise<T | undefined> {
      const { tenantId } = request.actor;
      for (let attempt = 0; ; attempt += 1) {
        const token = await options.tokens.accessToken(request.actor);
        let response: Response;
        try {
          response = await send(request, token);
        } catch (error) {
          if (attempt >= maxRetries) throw graphUnavailable(request.method, error);
          await sleep(DEFAULT_BACKOFF_MS * 2 ** attempt);
          continue;
        }
        if (response.ok) {
          const text = await response.text();
          return text === "" ? undefined : (JSON.parse(text) as T);
        }
        if (response.status === 401 || response.status === 403) {
          // A revoked grant or a missing permission: both need an admin, not a retry.
          if (response.status === 401) options.tokens.forget(tenantId);
          throw new GraphConsentRequiredError(
            tenantId,
            adminConsentUrlOf(options.authorityHost, tenantId, options.clientId),
            await graphCodeOf(response),
          );
        }
        if (!RETRYABLE.has(response.status) || attempt >= maxRetries) {
          throw graphUnavailable(`${request.method} ${await graphCodeOf(response)}`);
        }
        const wait =
          retryAfterMs(response.headers.get("retry-after")) ?? DEFAULT_BACKOFF_MS * 2 ** attempt;
        if (wait > maxRetryAfterMs) throw graphUnavailable(`throttled for ${wait} ms`);
        await response.body?.cancel();
        await sleep(wait);
      }
    },
  };
};
