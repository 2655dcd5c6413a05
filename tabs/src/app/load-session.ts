import type { DevUser, UserSummary } from "@dealflow/contract";
import { createApiClient, type TokenSource } from "../api/api-client.js";
import { createDealflowApi } from "../api/dealflow-api.js";
import type { LoadedSession } from "./session.js";

/** Me, the settings and the tenant's users, read once per session (owner names are cached). */
export const loadSession = async (
  getToken: TokenSource,
  devUsers: DevUser[],
): Promise<LoadedSession> => {
  const api = createDealflowApi(createApiClient(getToken));
  const [me, settings, users] = await Promise.all([
    api.me(),
    api.settings(),
    api.users().catch((): UserSummary[] => []),
  ]);
  const userNames = new Map(devUsers.map((user) => [user.id, user.name]));
  for (const user of users) userNames.set(user.id, user.name);
  userNames.set(me.id, me.name);
  return { api, me, settings, users, userNames };
};
