import type { OpportunityListItem as Opportunity } from "@dealflow/contract";

export type ElapsedTone = "within-target" | "past-target" | "past-escalation";

/** When a first contact is late and when it escalates, as the server computed them. */
export type FirstContactDue = Pick<Opportunity["firstContact"], "targetAt" | "escalatesAt">;

/** SPEC §4.2: the waiting time turns amber past the target and red past escalation. */
export const elapsedTone = (due: FirstContactDue, now: Date): ElapsedTone => {
  if (now.getTime() > Date.parse(due.escalatesAt)) return "past-escalation";
  if (now.getTime() > Date.parse(due.targetAt)) return "past-target";
  return "within-target";
};
