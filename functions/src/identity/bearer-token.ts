import type { HttpRequest } from "@azure/functions";
import { TokenRejectedError } from "./token-rejected.js";

// Entra access tokens are a few KB; anything far larger is not worth parsing.
const MAX_TOKEN_CHARS = 16 * 1024;

/** The token of `Authorization: Bearer <token>` (RFC 6750), or a rejection. */
export const bearerTokenOf = (request: HttpRequest): string => {
  const header = request.headers.get("authorization");
  if (header === null || header.trim() === "") throw new TokenRejectedError("missing");
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i.exec(header.trim());
  const token = match?.[1];
  if (token === undefined || token.length > MAX_TOKEN_CHARS) {
    throw new TokenRejectedError("malformed");
  }
  return token;
};
