import {
  isManager,
  type Locale,
  type Opportunity,
  type Settings,
  storedRole,
  type User,
  type Viewer,
} from "@dealflow/core";
import type { Reader } from "../i18n/format.js";
import { type Translate, translator } from "../i18n/translate.js";
import type { BotData } from "../ports/bot-data.js";

/** The person behind an activity: `from.aadObjectId` in `channelData.tenant.id` (SPEC §7). */
export type BotUser = {
  tenantId: string;
  userId: string;
  viewer: Viewer;
  user: User | null;
  settings: Settings;
  manager: boolean;
  /** A manager by record whose role no token has confirmed lately: answered as a seller. */
  roleUnconfirmed: boolean;
  reader: Reader;
  t: Translate;
};

/**
 * A user the tenant has never seen (no row yet) is a seller who owns and follows nothing:
 * they see nothing until the API provisions them (SPEC §7 fails closed). Teams activities
 * carry no app roles, so a manager's role counts as long as a token confirmed it lately
 * (core's storedRole); the tenant's manager list always counts.
 */
export const resolveBotUser = async (
  data: BotData,
  tenantId: string,
  userId: string,
  locale: Locale | null,
  now: Date,
): Promise<BotUser> => {
  const [user, settings] = await Promise.all([
    data.getUser(tenantId, userId),
    data.getSettings(tenantId),
  ]);
  const viewer: Viewer = {
    tenantId,
    userId,
    role: user === null ? "seller" : storedRole(user, now),
    teamIds: user?.teamIds ?? [],
    timeZone: user?.timeZone ?? null,
  };
  const chosen = locale ?? user?.locale ?? settings.locale;
  const manager = isManager(viewer, settings);
  return {
    tenantId,
    userId,
    viewer,
    user,
    settings,
    manager,
    roleUnconfirmed: !manager && user?.active === true && user.role === "manager",
    reader: { locale: chosen, timeZone: user?.timeZone ?? settings.timeZone },
    t: translator(chosen),
  };
};

/** Display names of users, read once per turn. */
export const nameBook = (data: BotData, tenantId: string) => {
  const cache = new Map<string, Promise<string | null>>();
  return (userId: string | null): Promise<string | null> => {
    if (userId === null) return Promise.resolve(null);
    let name = cache.get(userId);
    if (!name) {
      name = data.getUser(tenantId, userId).then((user) => user?.name ?? null);
      cache.set(userId, name);
    }
    return name;
  };
};

/** The name of an opportunity's stage in its pipeline (its id when the stage is gone). */
export const stageNameOf = (user: Pick<BotUser, "settings">, opportunity: Opportunity): string =>
  user.settings.pipelines
    .find((p) => p.id === opportunity.pipelineId)
    ?.stages.find((s) => s.id === opportunity.stage)?.name ?? opportunity.stage;
