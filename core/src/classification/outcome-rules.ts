import { CLASSIFICATIONS, type Classification } from "../contact/contact.types.js";
import type { Durations } from "../settings/settings.js";
import type { TaskOrigin, TaskOutcome } from "../task/task.types.js";

/** The "how did it go?" choices of SPEC §4.3, in the order the UI offers them. */
export const TASK_OUTCOMES: readonly TaskOutcome[] = [
  ...CLASSIFICATIONS,
  "not-sure-yet",
  "not-interested",
];

export type FollowUpRule = {
  days: number;
  origin: Extract<TaskOrigin, "classification" | "not-sure-yet">;
};

/**
 * What one choice does. `classify: true` sets (or, with null, clears) the contact's
 * classification and its tag; `classify: false` leaves the contact as it is.
 */
export type OutcomeRule =
  | { classify: true; classification: Classification | null; followUp: FollowUpRule | null }
  | { classify: false; followUp: FollowUpRule | null };

export const isClassification = (value: unknown): value is Classification =>
  CLASSIFICATIONS.some((classification) => classification === value);

/** From the contact's profile: a classification, or null to clear it. */
export const classificationRule = (
  classification: Classification | null,
  durations: Pick<Durations, "classificationFollowUpDays">,
): OutcomeRule =>
  classification === null
    ? { classify: true, classification: null, followUp: null }
    : {
        classify: true,
        classification,
        followUp: {
          days: durations.classificationFollowUpDays[classification],
          origin: "classification",
        },
      };

/** SPEC §4.3's table; a blank choice (null) only completes the task. */
export const outcomeRule = (
  outcome: TaskOutcome | null,
  durations: Pick<Durations, "classificationFollowUpDays" | "notSureFollowUpDays">,
): OutcomeRule => {
  if (outcome === null || outcome === "not-interested") return { classify: false, followUp: null };
  if (outcome === "not-sure-yet") {
    return {
      classify: false,
      followUp: { days: durations.notSureFollowUpDays, origin: "not-sure-yet" },
    };
  }
  return classificationRule(outcome, durations);
};

/** The classification tags are the classifications' ids; a contact carries at most one. */
export const withClassificationTag = (
  tags: readonly string[],
  classification: Classification | null,
): string[] => [
  ...tags.filter((tag) => !isClassification(tag)),
  ...(classification === null ? [] : [classification]),
];
