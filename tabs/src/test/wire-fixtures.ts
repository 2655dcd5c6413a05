import type { Opportunity } from "@dealflow/contract";

/**
 * The fields of an opportunity answer that the tab's tests do not look at, as the server fills
 * them for a plain lead: in the first pipeline, untouched since it arrived, its first contact
 * recorded (no waiting clock), no marketplace application. A test that cares sets its own.
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
> => ({
  pipelineId: "sales",
  createdAt: receivedAt,
  updatedAt: receivedAt,
  createdBy: null,
  firstContact: { state: "done", recordedAt: null, action: null, secondContactDueAt: null },
  discard: null,
  closedAt: null,
  externalId: null,
  marketplace: null,
});
