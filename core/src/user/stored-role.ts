import { HOUR_MS } from "../shared/time.js";
import type { Role, User } from "./user.types.js";

/**
 * How long a manager role seen in a token counts where no token comes with the request (the
 * bot: Teams activities carry no app roles, SPEC §7). A revoked app role stops counting within
 * a day; the tenant's manager list (Settings) counts always.
 */
export const STORED_ROLE_TRUST_MS = 24 * HOUR_MS;

/** The role a stored user acts with now, when only the record speaks for them. */
export const storedRole = (
  user: Pick<User, "role" | "active" | "roleConfirmedAt">,
  now: Date,
): Role => {
  if (!user.active || user.role !== "manager") return "seller";
  const confirmedAt = user.roleConfirmedAt ? Date.parse(user.roleConfirmedAt) : Number.NaN;
  return now.getTime() - confirmedAt <= STORED_ROLE_TRUST_MS ? "manager" : "seller";
};
