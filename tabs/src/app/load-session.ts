import { createApiClient, type TokenSource } from "../api/api-client.js";
import type { DevUser } from "../api/api-types.js";
import { createDealflowApi } from "../api/dealflow-api.js";
import type { Session } from "./session.js";

export const loadSession = async (getToken: TokenSource, devUsers: DevUser[]): Promise<Session> => {
  const api = createDealflowApi(createApiClient(getToken));
  const [me, settings] = await Promise.all([api.me(), api.settings()]);
  const userNames = new Map(devUsers.map((user) => [user.id, user.name]));
  userNames.set(me.id, me.name);
  return { api, me, settings, userNames };
};
