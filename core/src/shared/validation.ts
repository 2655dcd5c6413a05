import { DomainError, type FieldError } from "./domain-error.js";
import type { IsoDateTime } from "./time.js";

/** Field errors collected across one input, so a single answer names every bad field. */
export type FieldErrors = FieldError[];

export const invalidInput = (errors: readonly FieldError[], message = "The input is not valid.") =>
  new DomainError("validation", message, errors);

export const throwIfInvalid = (errors: readonly FieldError[], message?: string): void => {
  if (errors.length > 0) throw invalidInput(errors, message);
};

/** Trimmed text, or null when absent or blank. */
export const optionalText = (
  value: unknown,
  path: string,
  max: number,
  errors: FieldErrors,
): string | null => {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") {
    errors.push({ path, message: "must be text" });
    return null;
  }
  const trimmed = value.trim();
  if (trimmed === "") return null;
  if (trimmed.length > max) {
    errors.push({ path, message: `must be at most ${max} characters` });
    return null;
  }
  return trimmed;
};

export const requiredText = (
  value: unknown,
  path: string,
  max: number,
  errors: FieldErrors,
): string => {
  const before = errors.length;
  const text = optionalText(value, path, max, errors);
  if (text === null && errors.length === before) errors.push({ path, message: "is required" });
  return text ?? "";
};

// Deliberately light: the mail server is the judge; this only catches typos like a missing @.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const optionalEmail = (value: unknown, path: string, errors: FieldErrors): string | null => {
  const text = optionalText(value, path, 254, errors);
  if (text !== null && !EMAIL.test(text)) {
    errors.push({ path, message: "must be an email address such as ana@example.com" });
    return null;
  }
  return text;
};

export const optionalHttpUrl = (
  value: unknown,
  path: string,
  errors: FieldErrors,
): string | null => {
  const text = optionalText(value, path, 500, errors);
  if (text === null) return null;
  if (!URL.canParse(text) || !["http:", "https:"].includes(new URL(text).protocol)) {
    errors.push({ path, message: "must be a web address starting with https://" });
    return null;
  }
  return text;
};

// An explicit offset is required: a bare local time would mean different instants on different hosts.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

// Storage keys embed instants as 13-digit epoch milliseconds (1970–2286); 2199 leaves room
// for the clocks computed from an instant (a follow-up, an escalation) to fit as well.
const EARLIEST_INSTANT = Date.UTC(1970, 0, 1);
const LATEST_INSTANT = Date.UTC(2200, 0, 1) - 1;

/** An instant given as a Date or an ISO-8601 date-time with offset; null (and an error) if not. */
export const parseInstant = (
  value: Date | IsoDateTime | null | undefined,
  path: string,
  errors: FieldErrors,
): Date | null => {
  if (value === undefined || value === null) {
    errors.push({ path, message: "is required" });
    return null;
  }
  const instant =
    value instanceof Date
      ? value
      : typeof value === "string" && ISO_INSTANT.test(value)
        ? new Date(value)
        : null;
  if (instant === null || Number.isNaN(instant.getTime())) {
    errors.push({ path, message: "must be a date and time such as 2026-03-02T09:00:00Z" });
    return null;
  }
  if (instant.getTime() < EARLIEST_INSTANT || instant.getTime() > LATEST_INSTANT) {
    errors.push({ path, message: "must be between 1970 and 2199" });
    return null;
  }
  return instant;
};

export const oneOf = <T extends string>(
  value: unknown,
  allowed: readonly T[],
  path: string,
  errors: FieldErrors,
): T | null => {
  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) errors.push({ path, message: `must be one of: ${allowed.join(", ")}` });
  return match ?? null;
};
