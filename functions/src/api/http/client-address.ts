import { isIP } from "node:net";
import type { HttpRequest } from "@azure/functions";

const BRACKETED = /^\[([^\]]+)\](?::\d+)?$/;
const IPV4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/;

const withoutPort = (entry: string): string =>
  BRACKETED.exec(entry)?.[1] ?? IPV4_WITH_PORT.exec(entry)?.[1] ?? entry;

/**
 * The address the request came from, for per-sender limits. Azure's front end and our local
 * host (host/src/http/to-http-request.ts) both append the address they accepted the
 * connection from to `X-Forwarded-For`, as `ip:port` on Azure; what comes before it is
 * whatever the client wrote, so only the last entry is trusted. Behind a further proxy
 * (Front Door, API Management) the last entry is that proxy: limit per client there.
 */
/**
 * The sender a per-address budget counts: an IPv4 address, or an IPv6 /64 (one subscriber's
 * network hands each device, or each request, another address inside it).
 */
export const addressGroupOf = (address: string): string => {
  if (isIP(address) !== 6) return address;
  const expanded = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const [head = "", tail = ""] = expanded.split("::");
  const left = head === "" ? [] : head.split(":");
  const right = tail === "" ? [] : tail.split(":");
  const groups = expanded.includes("::")
    ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right]
    : left;
  return `${groups.slice(0, 4).join(":")}::/64`;
};

export const clientAddressOf = (request: HttpRequest): string => {
  const entries = (request.headers.get("x-forwarded-for") ?? "").split(",");
  const address = withoutPort(entries.at(-1)?.trim() ?? "");
  return isIP(address) === 0 ? "unknown" : address.toLowerCase();
};
