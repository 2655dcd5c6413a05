import { isManager, type Locale, type Settings, type User, type Viewer } from "@dealflow/core";
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
  reader: Reader;
  t: Translate;
};

/**
 * A user the tenant has never seen (no row yet) is a seller who owns and follows nothing:
 * they see nothing until the API provisions them (SPEC §7 fails closed).
 */
export const resolveBotUser = async (
  data: BotData,
  tenantId: string,
  userId: string,
  locale: Locale | null,
): Promise<BotUser> => {
  const [user, settings] = await Promise.all([
    data.getUser(tenantId, userId),
    data.getSettings(tenantId),
  ]);
  const viewer: Viewer = {
    tenantId,
    userId,
    role: user?.active === false ? "seller" : (user?.role ?? "seller"),
    teamIds: user?.teamIds ?? [],
  };
  const chosen = locale ?? user?.locale ?? settings.locale;
  return {
    tenantId,
    userId,
    viewer,
    user,
    settings,
    manager: isManager(viewer, settings),
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
