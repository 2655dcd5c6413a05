import type { ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import azureFunctions, { type Cookie, type HttpResponseInit } from "@azure/functions";

/**
 * Writes a handler's `HttpResponseInit` the way the Functions host does, by way of the SDK's own
 * `HttpResponse` (jsonBody → JSON with application/json, strings, bytes, streams, cookies).
 */
export const writeHttpResponse = async (
  res: ServerResponse,
  init: HttpResponseInit,
  method: string,
): Promise<void> => {
  const response = new azureFunctions.HttpResponse(init);
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name !== "set-cookie") res.setHeader(name, value);
  }
  const cookies = [...response.headers.getSetCookie(), ...response.cookies.map(serializeCookie)];
  if (cookies.length > 0) res.setHeader("Set-Cookie", cookies);

  const body = response.body;
  if (body === null || method === "HEAD") {
    await body?.cancel();
    res.end();
    return;
  }
  if (isStreamed(init)) {
    await pipeline(Readable.fromWeb(body), res);
    return;
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  res.setHeader("Content-Length", bytes.length);
  res.end(bytes);
};

const isStreamed = (init: HttpResponseInit): boolean => {
  const body: unknown = init.body;
  if (init.jsonBody !== undefined || body === null || typeof body !== "object") return false;
  return body instanceof ReadableStream || Symbol.asyncIterator in body;
};

const serializeCookie = (cookie: Cookie): string => {
  const parts = [`${cookie.name}=${cookie.value}`];
  if (cookie.domain) parts.push(`Domain=${cookie.domain}`);
  if (cookie.path) parts.push(`Path=${cookie.path}`);
  if (cookie.expires !== undefined) {
    parts.push(`Expires=${new Date(cookie.expires).toUTCString()}`);
  }
  if (cookie.maxAge !== undefined) parts.push(`Max-Age=${cookie.maxAge}`);
  if (cookie.secure) parts.push("Secure");
  if (cookie.httpOnly) parts.push("HttpOnly");
  if (cookie.sameSite) parts.push(`SameSite=${cookie.sameSite}`);
  return parts.join("; ");
};
