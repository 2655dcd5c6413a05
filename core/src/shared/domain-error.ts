export type DomainErrorCode =
  | "validation"
  | "not-found"
  | "forbidden"
  | "conflict"
  | "already-exists"
  | "invalid-state"
  | "too-large"
  | "unavailable";

export type FieldError = { path: string; message: string };

/**
 * The one error type of the domain. Mapped to problem+json in one place (functions) and to
 * friendly text in one place (bot). `errors` names the offending fields for `validation`.
 */
export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly errors: readonly FieldError[];

  constructor(code: DomainErrorCode, message: string, errors: readonly FieldError[] = []) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.errors = errors;
  }
}

export const isDomainError = (value: unknown): value is DomainError => value instanceof DomainError;

export const validationError = (path: string, message: string): DomainError =>
  new DomainError("validation", `${path}: ${message}`, [{ path, message }]);
