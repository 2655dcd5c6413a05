export type FieldError = { path: string; message: string };

/** A problem+json answer (RFC 9457), kept with the fields that failed validation. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | null;
  readonly errors: FieldError[];

  constructor(status: number, title: string, detail: string | null, errors: FieldError[]) {
    super(detail ?? title);
    this.name = "ApiError";
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.errors = errors;
  }

  get isConflict(): boolean {
    return this.status === 412;
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

export const toApiError = (status: number, body: unknown, fallbackTitle: string): ApiError => {
  const problem =
    typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  return new ApiError(
    status,
    asString(problem.title) ?? fallbackTitle,
    asString(problem.detail),
    asFieldErrors(problem.errors),
  );
};

/** One line per failing field, "contact.email: must be an email", for forms and alerts. */
export const describeApiError = (error: unknown): string => {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  const fields = error.errors.map((field) => `${field.path}: ${field.message}`);
  return [error.detail ?? error.title, ...fields].join("\n");
};
