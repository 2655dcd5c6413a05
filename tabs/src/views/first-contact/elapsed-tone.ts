import type { Durations } from "../../api/api-types.js";

export type ElapsedTone = "within-target" | "past-target" | "past-escalation";

/** SPEC §4.2: the waiting time turns amber past the target and red past escalation. */
export const elapsedTone = (
  receivedAt: string,
  now: Date,
  durations: Pick<Durations, "firstContactTargetMinutes" | "firstContactEscalationMinutes">,
): ElapsedTone => {
  const minutes = (now.getTime() - new Date(receivedAt).getTime()) / 60_000;
  if (minutes > durations.firstContactEscalationMinutes) return "past-escalation";
  if (minutes > durations.firstContactTargetMinutes) return "past-target";
  return "within-target";
};
