import { type FieldErrors, parseInstant } from "../shared/validation.js";
import type { EventInstant } from "./marketplace.types.js";

/** An instant a marketplace event may leave out: null when absent, an error when malformed. */
export const optionalInstant = (
  value: EventInstant | null | undefined,
  path: string,
  errors: FieldErrors,
): Date | null =>
  value === undefined || value === null ? null : parseInstant(value, path, errors);
