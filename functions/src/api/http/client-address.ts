import { isIP } from "node:net";
import type { HttpRequest } from "@azure/functions";

const BRACKETED = /^\[([^\]]+)\](?::\d+)?$/;
const IPV4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/;

const withoutPort = (entry: string): string =>
  BRACKETED.exec(entry)?.[1] ?? IPV4_WITH_PORT.exec(entry)?.[1] ?? entry;

/**
 * The address the request came from, for per-sender limits. Azure's front end and our local
 * host (local-host/http/to-http-request.ts) both append the address they accepted the
 * connection from to `X-Forwarded-For`, as `ip:port` on Azure; what comes before it is
 * whatever the client wrote, so only the last entry is trusted. Behind a further proxy
 * (Front Door, API Management) the last entry is that proxy: limit per client there.
 */
export const clientAddressOf = (request: HttpRequest): string => {
  const entries = (request.headers.get("x-forwarded-for") ?? "").split(",");
  const address = withoutPort(entries.at(-1)?.trim() ?? "");
  return isIP(address) === 0 ? "unknown" : address.toLowerCase();
};
