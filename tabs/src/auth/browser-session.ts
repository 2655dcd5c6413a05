import type { DevToken, DevTokenRequest, DevUser, DevUsers } from "@dealflow/contract";

const KEY = "dealflow.devToken";

/** The dev token of browser mode, per tab (sessionStorage): closing the tab signs out. */
export const browserSession = {
  read: (): string | null => sessionStorage.getItem(KEY),
  write: (token: string): void => sessionStorage.setItem(KEY, token),
  clear: (): void => sessionStorage.removeItem(KEY),
};

export const fetchDevUsers = async (): Promise<DevUser[]> => {
  const response = await fetch("/api/dev/users", { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`GET /api/dev/users: ${response.status}`);
  const body = (await response.json()) as DevUsers;
  return body.users;
};

export const fetchDevToken = async (userId: string): Promise<string> => {
  const response = await fetch("/api/dev/token", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ userId } satisfies DevTokenRequest),
  });
  if (!response.ok) throw new Error(`POST /api/dev/token: ${response.status}`);
  return ((await response.json()) as DevToken).token;
};
