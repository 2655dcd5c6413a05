import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the fake saw, as the tests check the contract. */
export type SeenRequest = {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  /** Token requests: the form fields; Graph requests: the parsed JSON body (if any). */
  form: Record<string, string>;
  json: unknown;
};

export type GraphReply = { status: number; body?: unknown; headers?: Record<string, string> };
export type GraphHandler = (request: SeenRequest) => GraphReply;

/**
 * Entra's token endpoint and Microsoft Graph on one loopback server (port 0), so the msal
 * and Graph code runs unchanged with only its URLs pointed here. Tokens are issued as
 * `app:<tenant>:<n>` (client credentials) and `obo:<tenant>:<n>` (on-behalf-of).
 */
export const startFakeMicrosoft = async () => {
  const tokenRequests: SeenRequest[] = [];
  const graphRequests: SeenRequest[] = [];
  const issued = new Set<string>();
  /** User assertions Entra answers with AADSTS65001 (nobody consented yet). */
  const unconsentedAssertions = new Set<string>();
  /** User assertions Entra answers with a 503 (an outage, not a refusal). */
  const outageAssertions = new Set<string>();
  let graphHandler: GraphHandler = () => ({ status: 202 });
  let issuedCount = 0;

  const reply = (res: ServerResponse, status: number, body?: unknown, headers = {}) => {
    res.writeHead(status, { "Content-Type": "application/json", ...headers });
    res.end(body === undefined ? "" : JSON.stringify(body));
  };

  const token = (seen: SeenRequest, res: ServerResponse) => {
    tokenRequests.push(seen);
    const tenant = seen.path.split("/")[1] ?? "";
    const { grant_type: grant, assertion } = seen.form;
    if (grant === "urn:ietf:params:oauth:grant-type:jwt-bearer" && assertion !== undefined) {
      if (outageAssertions.has(assertion)) {
        return reply(res, 503, {
          error: "temporarily_unavailable",
          error_description: "AADSTS90033: A transient error has occurred. Please try again.",
          error_codes: [90033],
        });
      }
      if (unconsentedAssertions.has(assertion)) {
        return reply(res, 400, {
          error: "invalid_grant",
          error_description:
            "AADSTS65001: The user or administrator has not consented to use the application.",
          error_codes: [65001],
          suberror: "consent_required",
        });
      }
    } else if (grant !== "client_credentials") {
      return reply(res, 400, { error: "unsupported_grant_type" });
    }
    issuedCount += 1;
    const accessToken = `${grant === "client_credentials" ? "app" : "obo"}:${tenant}:${issuedCount}`;
    issued.add(accessToken);
    reply(res, 200, {
      token_type: "Bearer",
      expires_in: 3600,
      ext_expires_in: 3600,
      access_token: accessToken,
    });
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const url = new URL(req.url ?? "/", "http://fake");
      const isToken = url.pathname.endsWith("/oauth2/v2.0/token");
      const seen: SeenRequest = {
        method: req.method ?? "",
        path: url.pathname + (isToken ? "" : url.search),
        headers: req.headers,
        form: isToken ? Object.fromEntries(new URLSearchParams(text)) : {},
        json: !isToken && text !== "" ? JSON.parse(text) : undefined,
      };
      if (isToken) return token(seen, res);
      graphRequests.push(seen);
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
      if (bearer === undefined || !issued.has(bearer)) {
        return reply(res, 401, { error: { code: "InvalidAuthenticationToken" } });
      }
      const answer = graphHandler(seen);
      reply(res, answer.status, answer.body, answer.headers);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    /** Entra's stand-in: the token endpoint host. */
    loginUrl: origin,
    /** Graph's stand-in: the base URL (as `https://graph.microsoft.com/v1.0`). */
    graphUrl: `${origin}/v1.0`,
    tokenRequests,
    graphRequests,
    unconsentedAssertions,
    outageAssertions,
    onGraph(handler: GraphHandler) {
      graphHandler = handler;
    },
    reset() {
      tokenRequests.length = 0;
      graphRequests.length = 0;
      graphHandler = () => ({ status: 202 });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

export type FakeMicrosoft = Awaited<ReturnType<typeof startFakeMicrosoft>>;

/** Graph throttling once: a 429 with `Retry-After` (seconds), then `then` for every call. */
export const throttledOnce = (retryAfter: string, then: GraphReply): GraphHandler => {
  let calls = 0;
  return () => {
    calls += 1;
    return calls === 1
      ? {
          status: 429,
          headers: { "Retry-After": retryAfter },
          body: { error: { code: "TooManyRequests" } },
        }
      : then;
  };
};
