import { DomainError } from "@dealflow/core";

/**
 * Microsoft Graph refused for want of consent (AADSTS65001, `consent_required`,
 * `interaction_required`) or permission (401/403). The API answers 403 with the admin-consent
 * URL so the tab can offer it; the timers and notifications log it and retry later.
 */
export class GraphConsentRequiredError extends DomainError {
  constructor(
    readonly tenantId: string,
    readonly adminConsentUrl: string,
    /** The Entra or Graph code behind it, for the log and the tab (never a raw message). */
    readonly reason: string,
  ) {
    super(
      "forbidden",
      "Dealflow needs an administrator's consent to use Microsoft 365 on this tenant's behalf.",
    );
    this.name = "GraphConsentRequiredError";
  }
}

export const isGraphConsentRequired = (error: unknown): error is GraphConsentRequiredError =>
  error instanceof GraphConsentRequiredError;

/** Any other Graph or Entra failure: retryable, and nothing of it reaches the client. */
export const graphUnavailable = (what: string, cause?: unknown): DomainError => {
  const error = new DomainError(
    "unavailable",
    `Microsoft 365 is not answering (${what}); try again shortly.`,
  );
  // Kept for the log only: toProblem shows the message above, never the cause.
  if (cause !== undefined) error.cause = cause;
  return error;
};

/** Entra's admin-consent endpoint for this app in one tenant (grants every configured permission). */
export const adminConsentUrlOf = (authorityHost: string, tenantId: string, clientId: string) =>
  `${authorityHost}/${encodeURIComponent(tenantId)}/adminconsent?client_id=${encodeURIComponent(clientId)}`;

// Entra's words for "a person must consent first"; AADSTS65001 arrives inside `invalid_grant`.
const CONSENT_MARKERS = ["consent_required", "interaction_required", "AADSTS65001"];

/** Whether an msal-node error means "someone must consent" rather than "try again". */
export const isConsentFailure = (error: unknown): boolean => {
  if (typeof error !== "object" || error === null) return false;
  const { errorCode, subError, message } = error as Record<string, unknown>;
  const text = [errorCode, subError, message].filter((part) => typeof part === "string").join(" ");
  return CONSENT_MARKERS.some((marker) => text.includes(marker));
};
