import type { Me, SettingsAnswer as Settings, UserSummary } from "@dealflow/contract";
import { createContext, type ReactNode, useContext } from "react";
import type { DealflowApi } from "../api/dealflow-api.js";

/** Who is signed in, with the API bound to their token and the tenant's settings. */
export type Session = {
  api: DealflowApi;
  me: Me;
  settings: Settings;
  /** The tenant's users (GET /api/users), read once per session. */
  users: readonly UserSummary[];
  /** Display names by user id (the tenant's users, the demo users in local mode, and me). */
  userNames: ReadonlyMap<string, string>;
  /** Re-reads the settings (after a manager saved them), so every view shows the new lists. */
  refreshSettings: () => Promise<void>;
};

/** A session as read from the API, before the app adds what changes it. */
export type LoadedSession = Omit<Session, "refreshSettings">;

const SessionContext = createContext<Session | null>(null);

export const SessionProvider = (props: { session: Session; children: ReactNode }) => (
  <SessionContext.Provider value={props.session}>{props.children}</SessionContext.Provider>
);

export const useSession = (): Session => {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
};
