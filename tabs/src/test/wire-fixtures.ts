import type { Opportunity } from "@dealflow/contract";

/**
 * The fields of an opportunity answer that the tab's tests do not look at, as the server fills
 * them for a plain lead: in the first pipeline, untouched since it arrived, its first contact
 * recorded (no waiting clock), no marketplace application, editable by the user asking. A test that cares sets its own.
 */
export const serverFilled = (
  receivedAt: string,
): Pick<
  Opportunity,
  | "pipelineId"
  | "createdAt"
  | "updatedAt"
  | "createdBy"
  | "firstContact"
  | "discard"
  | "closedAt"
  | "externalId"
  | "marketplace"
  | "permissions"
> => ({
  pipelineId: "sales",
  createdAt: receivedAt,
  updatedAt: receivedAt,
  createdBy: null,
  firstContact: {
    state: "done",
    recordedAt: null,
    action: null,
    secondContactDueAt: null,
    // The default durations (SPEC §5): 15 minutes to the target, 4 hours to escalation.
    targetAt: new Date(Date.parse(receivedAt) + 15 * 60_000).toISOString(),
    escalatesAt: new Date(Date.parse(receivedAt) + 4 * 3_600_000).toISOString(),
  },
  discard: null,
  closedAt: null,
  externalId: null,
  marketplace: null,
  // The user the tests sign in as owns it (or manages): a test of a reader sets its own.
  permissions: { edit: true },
});
