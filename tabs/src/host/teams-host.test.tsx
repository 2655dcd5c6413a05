import { afterEach, describe, expect, it, vi } from "vitest";
import { teamsConfigPort } from "./teams-channel-config.js";
import { detectHost } from "./teams-host.js";

const teams = await vi.hoisted(async () =>
  (await import("../test/teams-js-double.js")).teamsJsDouble(),
);
vi.mock("@microsoft/teams-js", () => teams);

const base = { app: { locale: "en-gb", theme: "default" }, page: { id: "pipeline:sales" } };

/** As if the page were framed by Teams, which hands it `context`. */
const inTeams = async (context: object) => {
  vi.stubGlobal("opener", {});
  teams.app.getContext.mockResolvedValueOnce({ ...base, ...context });
  const host = await detectHost();
  if (host.kind !== "teams") throw new Error("not detected as Teams");
  return host;
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("telling Teams from a browser tab", () => {
  it("a top-level browser tab is not Teams: teams-js is not even asked", async () => {
    teams.app.initialize.mockClear();
    const host = await detectHost();
    expect(host.kind).toBe("browser");
    expect(teams.app.initialize).not.toHaveBeenCalled();
  });

  it("Teams mobile's frameless web view (nativeInterface, no frame, no opener) is Teams", async () => {
    vi.stubGlobal("nativeInterface", { framelessPostMessage: () => {} });
    teams.app.getContext.mockResolvedValueOnce(base);
    const host = await detectHost();
    expect(host.kind).toBe("teams");
    expect(host.locale).toBe("en-gb");
  });
});

describe("where Teams shows the configurable tab", () => {
  it("a group chat: the chat, no channel to link", async () => {
    const host = await inTeams({ chat: { id: "19:group@thread.v2" } });
    expect(host.channel).toBeNull();
    expect(teamsConfigPort(host)).toMatchObject({
      inTeams: true,
      channel: null,
      chat: { chatId: "19:group@thread.v2" },
      entityId: "pipeline:sales",
    });
  });

  it("a team channel: the channel with its team's thread id, not a chat", async () => {
    const host = await inTeams({
      team: { internalId: "19:team@thread.tacv2" },
      channel: { id: "19:deals@thread.tacv2", displayName: "Deals" },
    });
    expect(teamsConfigPort(host)).toMatchObject({
      channel: {
        teamId: "19:team@thread.tacv2",
        channelId: "19:deals@thread.tacv2",
        channelName: "Deals",
      },
      chat: null,
    });
  });

  it("the personal app: neither", async () => {
    const host = await inTeams({});
    expect(teamsConfigPort(host)).toMatchObject({ channel: null, chat: null });
  });
});
