import type { IncomingMessage } from "node:http";
import azureFunctions, { type HttpRequest } from "@azure/functions";
import type { RouteParams } from "./route-template.js";

export class PayloadTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The request body is larger than ${limit} bytes`);
    this.name = "PayloadTooLargeError";
  }
}

/** Reads the whole body, refusing (without buffering further) once it passes `limit` bytes. */
export const readRequestBody = async (
  incoming: IncomingMessage,
  limit: number,
): Promise<Uint8Array> => {
  const declared = Number(incoming.headers["content-length"]);
  if (declared > limit) throw new PayloadTooLargeError(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limit) throw new PayloadTooLargeError(limit);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
};

/**
 * Builds the `HttpRequest` the Functions host would hand to a handler. The query comes from the
 * URL itself, so repeated keys (`?stage=a&stage=b`) survive as they do in Azure.
 */
export const toHttpRequest = (
  incoming: IncomingMessage,
  body: Uint8Array,
  params: RouteParams,
  origin: string,
): HttpRequest =>
  new azureFunctions.HttpRequest({
    method: incoming.method ?? "GET",
    url: new URL(incoming.url ?? "/", origin).href,
    headers: withClientAddress(collectHeaders(incoming.rawHeaders), incoming.socket.remoteAddress),
    params,
    body: { bytes: body },
  });

// rawHeaders keeps every occurrence; repeated fields combine as RFC 9110 §5.3 allows.
const collectHeaders = (rawHeaders: readonly string[]): Record<string, string> => {
  const headers: Record<string, string> = {};
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = (rawHeaders[index] ?? "").toLowerCase();
    const value = rawHeaders[index + 1] ?? "";
    const previous = headers[name];
    headers[name] =
      previous === undefined ? value : `${previous}${name === "cookie" ? "; " : ", "}${value}`;
  }
  return headers;
};

// Azure's front end appends the address it accepted the connection from to X-Forwarded-For;
// so does this host, so that handlers trust the last entry alike (api/http/client-address.ts).
const withClientAddress = (
  headers: Record<string, string>,
  address: string | undefined,
): Record<string, string> => {
  if (address === undefined) return headers;
  const forwarded = headers["x-forwarded-for"];
  return { ...headers, "x-forwarded-for": forwarded ? `${forwarded}, ${address}` : address };
};
