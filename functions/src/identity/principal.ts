import type { HttpRequest } from "@azure/functions";
import type { Locale, Role, User, Viewer } from "@dealflow/core";

/** The signed-in user of a request, as the API's handlers see them (tenant = token `tid`). */
export type Principal = {
  tenantId: string;
  userId: string;
  name: string;
  email: string | null;
  role: Role;
  locale: Locale;
  teamIds: string[];
  /** The stored user record (provisioned just in time on a tenant's and user's first call). */
  user: User;
};

export const viewerOf = (principal: Principal): Viewer => ({
  tenantId: principal.tenantId,
  userId: principal.userId,
  role: principal.role,
  teamIds: principal.teamIds,
  timeZone: principal.user.timeZone,
});

/** Thrown for any missing or untrusted token; the API answers 401 with `WWW-Authenticate`. */
export class UnauthorizedError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = "UnauthorizedError";
  }
}

/** Resolves the bearer token of a request to its principal, or throws UnauthorizedError. */
export type Authenticator = (request: HttpRequest) => Promise<Principal>;
