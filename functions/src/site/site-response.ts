import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import { acceptsEncoding, PRECOMPRESSED } from "./content-encoding.js";
import { TAB_PAGE_SECURITY_HEADERS } from "./content-security-policy.js";
import { contentTypeOf } from "./content-types.js";
import { PLACEHOLDER_PAGE } from "./placeholder-page.js";

/** What to send, for whichever host writes it (the local host's ServerResponse, Azure's `HttpResponseInit`). */
export type SiteResponse = {
  status: number;
  /** Complete, `Content-Length` included (the size of the body a GET gets, also for HEAD). */
  headers: Record<string, string>;
  /** A file to send as it is, or bytes; absent for HEAD. */
  body?: { file: string } | { bytes: Buffer };
};

/**
 * Decides the answer to `method urlPath` (the raw, percent-encoded path) from the built tabs in
 * `root`, served as a single-page app: files as they are, any other path without a file extension
 * gets index.html. Until `root/index.html` exists (the tabs are built), the same paths get a
 * placeholder page. Nothing outside `root` is ever served, whether by `..` or by a symlink.
 * A file the build also wrote compressed (`x.js.br`, `x.js.gz`) is sent compressed to a client
 * whose `acceptEncoding` takes it: a phone on a slow network downloads a third of the bytes.
 */
export const siteResponse = async (
  root: string,
  method: string,
  urlPath: string,
  acceptEncoding?: string | null,
): Promise<SiteResponse> => {
  if (method !== "GET" && method !== "HEAD") {
    return textResponse(method, 405, "Method Not Allowed", { Allow: "GET, HEAD" });
  }
  const relative = decodePath(urlPath);
  if (relative === undefined) return textResponse(method, 400, "Bad Request");
  const realRoot = await realpath(root).catch(() => undefined);
  const file = realRoot && (await fileInside(realRoot, relative));
  if (file) return fileResponse(method, file, relative, acceptEncoding);
  if (path.posix.extname(relative) !== "") return textResponse(method, 404, "Not Found");
  const index = realRoot && (await fileInside(realRoot, "index.html"));
  if (index) return fileResponse(method, index, "index.html");
  return bytesResponse(method, 200, Buffer.from(PLACEHOLDER_PAGE), {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-cache",
    ...TAB_PAGE_SECURITY_HEADERS,
  });
};

const decodePath = (urlPath: string): string | undefined => {
  try {
    const decoded = decodeURIComponent(urlPath);
    if (decoded.includes("\0") || decoded.includes("\\")) return undefined;
    return path.posix.normalize(`/${decoded}`).replace(/^\/+/, "");
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

/** The compressed sibling the client takes, if the build wrote one (same folder, so inside root). */
const encodedSibling = async (file: string, acceptEncoding: string | null | undefined) => {
  for (const { encoding, suffix } of PRECOMPRESSED) {
    if (!acceptsEncoding(acceptEncoding, encoding)) continue;
    const stats = await stat(`${file}${suffix}`).catch(() => undefined);
    if (stats?.isFile()) return { encoding, file: `${file}${suffix}`, size: stats.size };
  }
  return undefined;
};

const fileResponse = async (
  method: string,
  file: string,
  relative: string,
  acceptEncoding?: string | null,
): Promise<SiteResponse> => {
  const encoded = await encodedSibling(file, acceptEncoding);
  const sent = encoded ?? { file, size: (await stat(file)).size };
  const contentType = contentTypeOf(file);
  return {
    status: 200,
    headers: {
      "Content-Type": contentType,
      "Content-Length": String(sent.size),
      ...(encoded ? { "Content-Encoding": encoded.encoding } : {}),
      // Caches keep one answer per encoding, even for a file sent as it is.
      ...(encoded || (await encodedSibling(file, "*")) ? { Vary: "Accept-Encoding" } : {}),
      "X-Content-Type-Options": "nosniff",
      // Vite fingerprints everything under assets/; index.html must always be revalidated.
      "Cache-Control": relative.startsWith("assets/")
        ? "public, max-age=31536000, immutable"
        : "no-cache",
      ...(contentType.startsWith("text/html") ? TAB_PAGE_SECURITY_HEADERS : {}),
    },
    ...(method === "HEAD" ? {} : { body: { file: sent.file } }),
  };
};

const textResponse = (
  method: string,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): SiteResponse =>
  bytesResponse(method, status, Buffer.from(text), {
    "Content-Type": "text/plain; charset=utf-8",
    ...headers,
  });

const bytesResponse = (
  method: string,
  status: number,
  bytes: Buffer,
  headers: Record<string, string>,
): SiteResponse => ({
  status,
  headers: {
    ...headers,
    "Content-Length": String(bytes.length),
    "X-Content-Type-Options": "nosniff",
  },
  ...(method === "HEAD" ? {} : { body: { bytes } }),
});
