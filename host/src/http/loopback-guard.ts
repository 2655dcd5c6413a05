import type { IncomingHttpHeaders } from "node:http";
import { isLoopbackHost } from "@dealflow/functions/hosting";

/** Why a request is refused, for the 421's detail and the log; null lets it through. */
export type LoopbackGuard = (headers: IncomingHttpHeaders, method?: string) => string | null;

const LOOPBACK_NAMES = ["localhost", "127.0.0.1", "[::1]"];

// Any of these means a proxy relayed the request. Microsoft dev tunnels rewrite Host to
// `localhost:<port>` by default and add X-Forwarded-Host/-For/-Proto (microsoft/dev-tunnels
// #284, #507), so a tunnel is only told apart by them; X-Original-Host is what IIS/ARR-style
// rewriters add. No browser on this machine sends any of them to a loopback address.
const PROXY_HEADERS = ["forwarded", "x-forwarded-host", "x-original-host", "x-forwarded-for"];

const formatHost = (host: string) => (host.includes(":") ? `[${host}]` : host);

/**
 * Dev mode and the anonymous bot (config/loopback-only.ts) trust whoever reaches the port.
 * Binding to 127.0.0.1 keeps other machines out, but not a page of another site whose name
 * an attacker's DNS answers with 127.0.0.1 (DNS rebinding: the browser sends `Host: its name`)
 * nor a tunnel. So only the loopback names with our own port are answered, and nothing a proxy
 * forwarded.
 */
export const createLoopbackGuard = (options: { port: number; bindHost: string }): LoopbackGuard => {
  const names = isLoopbackHost(options.bindHost)
    ? [...LOOPBACK_NAMES, formatHost(options.bindHost)]
    : LOOPBACK_NAMES;
  const allowed = new Set(names.map((name) => `${name}:${options.port}`.toLowerCase()));
  const own = `http://localhost:${options.port}`;
  const ownOrigins = new Set([...allowed].map((authority) => `http://${authority}`));
  return (headers, method = "GET") => {
    // A page of another site may still make the browser send requests to localhost itself (a
    // no-cors fetch, an image, a form it submits): the Host is ours, but the browser says whose
    // page asked. Only our own pages' requests are answered, and a plain link someone opens.
    // "Origin: null" is what a page under `Referrer-Policy: no-referrer` sends (ours and an
    // attacker's alike), so it counts as ours only when Sec-Fetch-Site says same-origin.
    const site = headers["sec-fetch-site"];
    const safe = method === "GET" || method === "HEAD";
    const navigation = safe && headers["sec-fetch-mode"] === "navigate";
    if ((site === "cross-site" || site === "same-site") && !navigation) {
      return `A page of another site sent this request (Sec-Fetch-Site: ${site}). Dev sign-in and the anonymous bot answer only ${own}'s own pages.`;
    }
    const origin = headers.origin?.trim().toLowerCase();
    const ownPage = origin === "null" ? site === "same-origin" : ownOrigins.has(origin ?? "");
    if (origin !== undefined && !ownPage) {
      return `A page of ${origin.slice(0, 100)} sent this request. Dev sign-in and the anonymous bot answer only ${own}'s own pages.`;
    }
    const proxied = PROXY_HEADERS.find((name) => headers[name] !== undefined);
    if (proxied !== undefined) {
      return `A proxy forwarded this request (${proxied}). Dev sign-in and the anonymous bot answer only this machine (${own}); behind a tunnel run with AUTH_MODE=entra and a BOT_ID.`;
    }
    const host = headers.host?.trim().toLowerCase();
    if (host === undefined || !allowed.has(host)) {
      return `This host answers only ${[...allowed].join(", ")} in dev mode and with the anonymous bot, not ${host?.slice(0, 100) ?? "a request without Host"}.`;
    }
    return null;
  };
};
