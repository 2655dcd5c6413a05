import type { HttpResponseInit } from "@azure/functions";
import { type DomainErrorCode, isDomainError } from "@dealflow/core";
import { z } from "zod";
import { isGraphConsentRequired } from "../../graph/graph-errors.js";
import { problemResponse } from "../../http/problem-response.js";
import { UnauthorizedError } from "../../identity/principal.js";
import { toDomainError } from "../../storage/storage-errors.js";

/** Seconds a client should wait before retrying when storage is unreachable. */
export const RETRY_AFTER_SECONDS = "5";

/** Refusals the HTTP layer itself raises (body too large, not JSON, wrong media type). */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = "HttpProblem";
  }
}

const STATUS_OF: Record<DomainErrorCode, { status: number; title: string }> = {
  validation: { status: 400, title: "Invalid request" },
  "not-found": { status: 404, title: "Not found" },
  forbidden: { status: 403, title: "Forbidden" },
  // CONTRACTS.md: a stale If-Match (or a write that lost a race) is 412.
  conflict: { status: 412, title: "Precondition failed" },
  "already-exists": { status: 409, title: "Conflict" },
  "invalid-state": { status: 409, title: "Conflict" },
  "too-large": { status: 413, title: "Content too large" },
  unavailable: { status: 503, title: "Service unavailable" },
};

/** The problem type a tab recognises to offer the admin-consent link instead of an error. */
export const CONSENT_REQUIRED_TYPE = "urn:dealflow:problem:consent-required";

/** zod issue paths as CONTRACTS.md writes them: `contact.email`, `items.3.name`. */
export const pathOf = (path: readonly PropertyKey[], prefix?: string): string =>
  [prefix, ...path.map(String)].filter((part) => part !== undefined && part !== "").join(".");

export const validationProblem = (error: z.ZodError, prefix?: string): HttpResponseInit =>
  problemResponse({
    status: 400,
    title: "Invalid request",
    detail: "The request has invalid fields; see errors.",
    errors: error.issues.map((issue) => ({
      path: pathOf(issue.path, prefix),
      message: issue.message,
    })),
  });

/**
 * The one place an error becomes an HTTP answer. Anything unexpected is a 500 whose detail
 * names no internals; the caller logs it.
 */
export const toProblem = (error: unknown): { response: HttpResponseInit; unexpected: boolean } => {
  if (error instanceof UnauthorizedError) {
    return {
      response: problemResponse(
        { status: 401, title: "Unauthorized", detail: error.message },
        { "WWW-Authenticate": 'Bearer error="invalid_token"' },
      ),
      unexpected: false,
    };
  }
  if (error instanceof HttpProblem) {
    return {
      response: problemResponse(
        { status: error.status, title: error.title, detail: error.message },
        error.headers,
      ),
      unexpected: false,
    };
  }
  if (isGraphConsentRequired(error)) {
    // A 403 the tab can act on: the admin-consent URL travels as an extension member.
    return {
      response: {
        status: 403,
        headers: { "Content-Type": "application/problem+json" },
        jsonBody: {
          type: CONSENT_REQUIRED_TYPE,
          status: 403,
          title: "Consent required",
          detail: error.message,
          adminConsentUrl: error.adminConsentUrl,
          reason: error.reason,
        },
      },
      unexpected: false,
    };
  }
  if (error instanceof z.ZodError) return { response: validationProblem(error), unexpected: false };
  const domain = isDomainError(error) ? error : toDomainError(error);
  if (isDomainError(domain)) {
    const { status, title } = STATUS_OF[domain.code];
    const headers: Record<string, string> =
      domain.code === "unavailable" ? { "Retry-After": RETRY_AFTER_SECONDS } : {};
    return {
      response: problemResponse(
        {
          status,
          title,
          detail: domain.message,
          ...(domain.errors.length > 0 ? { errors: domain.errors } : {}),
        },
        headers,
      ),
      unexpected: false,
    };
  }
  return {
    response: problemResponse({
      status: 500,
      title: "Internal error",
      detail: "Something went wrong on our side; it has been logged.",
    }),
    unexpected: true,
  };
};
