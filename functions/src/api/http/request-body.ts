import type { HttpRequest } from "@azure/functions";
import { HttpProblem } from "./api-problem.js";

/** CONTRACTS.md: a body over 1 MiB is refused with 413. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

const tooLarge = () =>
  new HttpProblem(
    413,
    "Content too large",
    `The request body may be at most ${BODY_LIMIT_BYTES} bytes.`,
  );

/**
 * The raw body, refused past the limit. The local host already stops reading at the limit;
 * in Azure the host buffers the body, so the declared and actual sizes are checked here too.
 */
export const readRawBody = async (request: HttpRequest): Promise<Buffer> => {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > BODY_LIMIT_BYTES) throw tooLarge();
  const bytes = Buffer.from(await request.arrayBuffer());
  if (bytes.length > BODY_LIMIT_BYTES) throw tooLarge();
  return bytes;
};

export const mediaTypeOf = (request: HttpRequest): string =>
  (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";

/** Parses a JSON body; an empty body is `undefined` so a schema can say it is required. */
export const readJsonBody = async (request: HttpRequest): Promise<unknown> => {
  const bytes = await readRawBody(request);
  if (bytes.length === 0) return undefined;
  const type = mediaTypeOf(request);
  if (type !== "" && type !== "application/json" && !type.endsWith("+json")) {
    throw new HttpProblem(415, "Unsupported media type", "Send the body as application/json.");
  }
  try {
    return JSON.parse(bytes.toString("utf8")) as unknown;
  } catch {
    throw new HttpProblem(400, "Invalid request", "The body is not valid JSON.");
  }
};
