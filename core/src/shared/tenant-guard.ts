import { DomainError } from "./domain-error.js";

/** SPEC §7: another tenant's record answers as if it did not exist, even to the system. */
export const assertInTenant = (record: { tenantId: string }, tenantId: string): void => {
  if (record.tenantId !== tenantId)
    throw new DomainError("not-found", "The record does not exist.");
};
