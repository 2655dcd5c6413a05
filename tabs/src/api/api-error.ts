import type { FieldError } from "@dealflow/contract";

export type { FieldError };

/** The problem's own members (RFC 9457 §3.1); anything else is an extension member. */
const STANDARD_MEMBERS = new Set(["type", "title", "status", "detail", "instance", "errors"]);

/** What a problem carries beyond status, title, detail and errors. */
export type ProblemDetails = {
  /** The problem type URI, e.g. urn:dealflow:problem:consent-required; null when absent. */
  type?: string | null;
  /** Extension members (RFC 9457 §3.2), such as a consent problem's `adminConsentUrl`. */
  extensions?: Readonly<Record<string, unknown>>;
};

/** A problem+json answer (RFC 9457), kept with the fields that failed validation. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | null;
  readonly errors: FieldError[];
  readonly type: string | null;
  readonly extensions: Readonly<Record<string, unknown>>;

  constructor(
    status: number,
    title: string,
    detail: string | null,
    errors: FieldError[],
    problem: ProblemDetails = {},
  ) {
    super(detail ?? title);
    this.name = "ApiError";
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
    this.type = problem.type ?? null;
    this.extensions = problem.extensions ?? {};
  }

  get isConflict(): boolean {
    return this.status === 412;
  }

  /** An extension member that is a string, or null (absent or of another kind). */
  extensionText(name: string): string | null {
    return asString(this.extensions[name]);
  }
}

const asString = (value: unknown): string | null => (typeof value === "string" ? value : null);

const asFieldErrors = (value: unknown): FieldError[] =>
  Array.isArray(value)
    ? value.flatMap((item: unknown) => {
        if (typeof item !== "object" || item === null) return [];
        const path = asString((item as Record<string, unknown>).path);
        const message = asString((item as Record<string, unknown>).message);
        return path !== null && message !== null ? [{ path, message }] : [];
      })
    : [];

const extensionsOf = (problem: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(problem).filter(([name]) => !STANDARD_MEMBERS.has(name)));

export const toApiError = (status: number, body: unknown, fallbackTitle: string): ApiError => {
  const problem =
    typeof body === "object" && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : {};
  return new ApiError(
    status,
    asString(problem.title) ?? fallbackTitle,
    asString(problem.detail),
    asFieldErrors(problem.errors),
    { type: asString(problem.type), extensions: extensionsOf(problem) },
  );
};

/** One line per failing field, "contact.email: must be an email", for forms and alerts. */
export const describeApiError = (error: unknown): string => {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const fields = error.errors.map((field) => `${field.path}: ${field.message}`);
  return [error.detail ?? error.title, ...fields].join("\n");
};
