import { vi } from "vitest";

/**
 * teams-js as a Teams host answers it, for `vi.mock("@microsoft/teams-js", …)` (its ESM
 * namespace cannot be spied on in place). A test sets `app.getContext`'s answer.
 */
export const teamsJsDouble = () => ({
  app: {
    initialize: vi.fn(async () => {}),
    notifySuccess: vi.fn(),
    getContext: vi.fn(),
    registerOnThemeChangeHandler: vi.fn(),
  },
  authentication: { getAuthToken: vi.fn(async () => "token") },
  pages: { config: {} },
});
