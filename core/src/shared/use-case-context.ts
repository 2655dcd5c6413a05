import type { Settings } from "../settings/settings.js";
import type { Viewer } from "../user/user.types.js";
import type { IdGenerator } from "./ids.js";

/** Everything a use case needs from outside, passed in: who acts, when, under which rules. */
export type UseCaseContext = {
  now: Date;
  /** The signed-in user, or null for the system (intake, timers). */
  actor: Viewer | null;
  tenantId: string;
  settings: Settings;
  ids: IdGenerator;
};
