import type { Locale } from "../i18n/locale.js";
import type { IsoDateTime } from "../shared/time.js";

export type { Locale } from "../i18n/locale.js";

export type Role = "seller" | "manager";

/** A person of the tenant who signs in (Entra `oid` within tenant `tid`). */
export type User = {
  tenantId: string;
  id: string;
  name: string;
  email: string | null;
  role: Role;
  locale: Locale;
  /** IANA zone for the daily agenda; null = the tenant's. */
  timeZone: string | null;
  active: boolean;
  /** Teams the user is a member of (for pipelines whose visibility is `team`). */
  teamIds: string[];
  /** When a token last showed `role` (app roles come only with tokens); absent on old rows. */
  roleConfirmedAt?: IsoDateTime | null;
};

/** Who is asking: what permissions need to know about the signed-in user. */
export type Viewer = {
  tenantId: string;
  userId: string;
  role: Role;
  teamIds: readonly string[];
  /** Their stored time zone, when the entry point has their record (reminders' working hours). */
  timeZone?: string | null;
};
