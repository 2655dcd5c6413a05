import type { Settings } from "../settings/settings.js";
import { type FieldErrors, oneOf, optionalText, requiredText } from "../shared/validation.js";

export const MAX_LEARNED_FIELD_LENGTH = 2_000;
export const MAX_DISCARD_TEXT_LENGTH = 500;
/** SPEC §3: any delay from 1 h to 14 days; 24, 48 and 72 h are the UI's one-click choices. */
export const SECOND_CONTACT_DELAY_HOURS = { min: 1, max: 14 * 24, choices: [24, 48, 72] } as const;

/** What the seller recorded, per SPEC §4.2's three buttons. */
export type FirstContactChoice =
  | {
      action: "ready-for-proposal";
      needs?: string | null;
      budget?: string | null;
      timing?: string | null;
      notes?: string | null;
    }
  | { action: "second-contact"; delayHours?: number | null }
  | { action: "discard"; reason: string; text?: string | null };

export type LearnedFields = {
  needs: string | null;
  budget: string | null;
  timing: string | null;
  notes: string | null;
};

export type ValidChoice =
  | { action: "ready-for-proposal"; learned: LearnedFields }
  | { action: "second-contact"; delayMinutes: number }
  | { action: "discard"; reason: string; text: string | null };

export const validateChoice = (
  choice: FirstContactChoice,
  settings: Pick<Settings, "durations" | "discardReasons">,
  errors: FieldErrors,
): ValidChoice | null => {
  switch (choice.action) {
    case "ready-for-proposal": {
      const learned = (field: keyof LearnedFields) =>
        optionalText(choice[field], field, MAX_LEARNED_FIELD_LENGTH, errors);
      return {
        action: choice.action,
        learned: {
          needs: learned("needs"),
          budget: learned("budget"),
          timing: learned("timing"),
          notes: learned("notes"),
        },
      };
    }
    case "second-contact": {
      const hours = choice.delayHours;
      if (hours === undefined || hours === null) {
        return {
          action: choice.action,
          delayMinutes: settings.durations.secondContactDelayMinutes,
        };
      }
      const { min, max } = SECOND_CONTACT_DELAY_HOURS;
      if (typeof hours !== "number" || !Number.isFinite(hours) || hours < min || hours > max) {
        errors.push({ path: "delayHours", message: `must be between ${min} and ${max} hours` });
        return null;
      }
      return { action: choice.action, delayMinutes: Math.round(hours * 60) };
    }
    case "discard": {
      const reasons = settings.discardReasons.map((reason) => reason.id);
      const reason = oneOf(choice.reason, reasons, "reason", errors);
      const text =
        reason === "other"
          ? requiredText(choice.text, "text", MAX_DISCARD_TEXT_LENGTH, errors)
          : optionalText(choice.text, "text", MAX_DISCARD_TEXT_LENGTH, errors);
      return reason === null ? null : { action: choice.action, reason, text };
    }
    default:
      // Input from JSON may carry any action at all.
      errors.push({
        path: "action",
        message: "must be ready-for-proposal, second-contact or discard",
      });
      return null;
  }
};
