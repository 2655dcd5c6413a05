import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { TAB_PAGE_SECURITY_HEADERS } from "./content-security-policy.js";
import { contentTypeOf } from "./content-types.js";
import { PLACEHOLDER_PAGE } from "./placeholder-page.js";

export type StaticSite = {
  serve(res: ServerResponse, method: string, urlPath: string): Promise<void>;
};

/**
 * Serves the built tabs from `root` as a single-page app: files as they are, any other path
 * without a file extension gets index.html. Until `root/index.html` exists (the tabs are built),
 * the same paths get a placeholder page. Nothing outside `root` is ever served.
 */
export const createStaticSite = (root: string): StaticSite => ({
  async serve(res, method, urlPath) {
    if (method !== "GET" && method !== "HEAD") {
      return sendText(res, method, 405, "Method Not Allowed", { Allow: "GET, HEAD" });
    }
    const relative = decodePath(urlPath);
    if (relative === undefined) return sendText(res, method, 400, "Bad Request");
    const realRoot = await realpath(root).catch(() => undefined);
    const index = realRoot && (await fileInside(realRoot, "index.html"));
    const file = realRoot && (await fileInside(realRoot, relative));
    if (file) return sendFile(res, method, file, relative);
    if (path.posix.extname(relative) !== "") return sendText(res, method, 404, "Not Found");
    if (index) return sendFile(res, method, index, "index.html");
    return sendBody(res, method, 200, Buffer.from(PLACEHOLDER_PAGE), {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-cache",
      ...TAB_PAGE_SECURITY_HEADERS,
    });
  },
});

const decodePath = (urlPath: string): string | undefined => {
  try {
    const decoded = decodeURIComponent(urlPath);
    if (decoded.includes("\0") || decoded.includes("\\")) return undefined;
    return path.posix.normalize(decoded).replace(/^\/+/, "");
  } catch {
    return undefined;
  }
};

/** The real path of a regular file under `realRoot`, or undefined; symlinks may not lead out. */
const fileInside = async (realRoot: string, relative: string): Promise<string | undefined> => {
  const candidate = path.resolve(realRoot, relative);
  const real = await realpath(candidate).catch(() => undefined);
  if (!real?.startsWith(realRoot + path.sep)) return undefined;
  const stats = await stat(real).catch(() => undefined);
  return stats?.isFile() ? real : undefined;
};

const sendFile = async (res: ServerResponse, method: string, file: string, relative: string) => {
  const { size } = await stat(file);
  const contentType = contentTypeOf(file);
  res.writeHead(200, {
    "Content-Type": contentType,
    "Content-Length": size,
    "X-Content-Type-Options": "nosniff",
    // Vite fingerprints everything under assets/; index.html must always be revalidated.
    "Cache-Control": relative.startsWith("assets/")
      ? "public, max-age=31536000, immutable"
      : "no-cache",
    ...(contentType.startsWith("text/html") ? TAB_PAGE_SECURITY_HEADERS : {}),
  });
  if (method === "HEAD") return void res.end();
  await pipeline(createReadStream(file), res);
};

const sendText = (
  res: ServerResponse,
  method: string,
  status: number,
  text: string,
  headers: Record<string, string> = {},
) =>
  sendBody(res, method, status, Buffer.from(text), {
    "Content-Type": "text/plain; charset=utf-8",
    ...headers,
  });

const sendBody = (
  res: ServerResponse,
  method: string,
  status: number,
  body: Buffer,
  headers: Record<string, string>,
) => {
  res.writeHead(status, {
    ...headers,
    "Content-Length": body.length,
    "X-Content-Type-Options": "nosniff",
  });
  res.end(method === "HEAD" ? undefined : body);
};
