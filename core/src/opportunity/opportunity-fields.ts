import type { FieldErrors } from "../shared/validation.js";
import type { Money } from "./opportunity.types.js";

export const MAX_TAGS = 30;
export const MAX_TAG_LENGTH = 50;

export const optionalMoney = (
  value: Money | null | undefined,
  path: string,
  errors: FieldErrors,
) => {
  if (value === undefined || value === null) return null;
  const { amount, currency } = value;
  if (typeof amount !== "number" || !Number.isFinite(amount) || amount < 0) {
    errors.push({ path: `${path}.amount`, message: "must be a number, zero or more" });
  }
  if (typeof currency !== "string" || !/^[A-Z]{3}$/.test(currency)) {
    errors.push({ path: `${path}.currency`, message: "must be an ISO 4217 code such as EUR" });
  }
  return { amount, currency };
};

/** Trimmed, lower-case and without repeats, so the same tag never shows twice. */
export const normalizeTags = (
  value: readonly string[] | undefined,
  path: string,
  errors: FieldErrors,
) => {
  if (value === undefined) return [];
  if (value.length > MAX_TAGS) {
    errors.push({ path, message: `must be at most ${MAX_TAGS} tags` });
    return [];
  }
  const tags = new Set<string>();
  value.forEach((raw, index) => {
    const tag = typeof raw === "string" ? raw.trim().toLowerCase() : "";
    if (tag === "" || tag.length > MAX_TAG_LENGTH) {
      errors.push({
        path: `${path}.${index}`,
        message: `must be 1 to ${MAX_TAG_LENGTH} characters`,
      });
    } else {
      tags.add(tag);
    }
  });
  return [...tags];
};
