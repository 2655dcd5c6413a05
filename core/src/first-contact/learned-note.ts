import type { Locale } from "../user/user.types.js";
import type { LearnedFields } from "./first-contact-choice.js";

// Stored as the note's text, so written in the tenant's locale.
const LABELS: Record<Locale, Record<Exclude<keyof LearnedFields, "notes">, string>> = {
  en: { needs: "Needs", budget: "Budget", timing: "Timing" },
  es: { needs: "Necesidades", budget: "Presupuesto", timing: "Plazos" },
};

/** The note recording what was learned at first contact, or null when nothing was. */
export const learnedNoteText = (learned: LearnedFields, locale: Locale): string | null => {
  const labels = LABELS[locale];
  const lines = (["needs", "budget", "timing"] as const)
    .filter((field) => learned[field] !== null)
    .map((field) => `${labels[field]}: ${learned[field]}`);
  const parts = [lines.join("\n"), learned.notes ?? ""].filter((part) => part !== "");
  return parts.length === 0 ? null : parts.join("\n\n");
};
