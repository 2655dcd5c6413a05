import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/api-error.js";
import type { ChannelConfigPort, TabInstance } from "../../host/channel-config-port.js";
import { seller } from "../../test/render-with-session.js";
import {
  manager,
  partnersPipeline,
  renderWithPipelines,
  salesPipeline,
} from "../pipeline/pipeline.test-support.js";
import { ChannelConfigView } from "./ChannelConfigView.js";

const CHANNEL = {
  teamId: "19:team@thread.tacv2",
  channelId: "19:deals@thread.tacv2",
  channelName: "Deals",
};

/** Teams' side of the configuration page, recorded: validity, and the save handler to call. */
const fakePort = (overrides: Partial<ChannelConfigPort> = {}) => {
  let save: (() => Promise<TabInstance>) | null = null;
  let describe: ((error: unknown) => string) | null = null;
  const port = {
    inTeams: true,
    channel: CHANNEL as ChannelConfigPort["channel"],
    chat: null as ChannelConfigPort["chat"],
    entityId: null as string | null,
    setValid: vi.fn<(valid: boolean) => void>(),
    onSave: vi.fn((handler: () => Promise<TabInstance>, failure: (error: unknown) => string) => {
      save = handler;
      describe = failure;
    }),
    ...overrides,
  };
  return {
    port,
    /** What Teams does on Save: runs the handler; a failure comes back as its text. */
    async pressSave(): Promise<TabInstance | string> {
      if (!save || !describe) throw new Error("no save handler registered");
      const failure = describe;
      return save().catch((error: unknown) => failure(error));
    },
  };
};

const pipelines = [salesPipeline, partnersPipeline];

describe("the channel tab's configuration page", { timeout: 20_000 }, () => {
  it("links the channel to the picked pipeline on Save and saves the tab on its board", async () => {
    const user = userEvent.setup();
    const linkChannelPipeline = vi.fn(async () => ({
      ...CHANNEL,
      pipelineId: "partners",
      pipelineName: "Partners",
      botInstalled: true,
    }));
    const teams = fakePort();
    renderWithPipelines(<ChannelConfigView port={teams.port} />, {
      api: { linkChannelPipeline },
      me: manager,
      pipelines,
    });
    await waitFor(() => expect(teams.port.setValid).toHaveBeenLastCalledWith(true));
    await user.selectOptions(screen.getByRole("combobox", { name: "Pipeline" }), "partners");

    const saved = await teams.pressSave();
    expect(linkChannelPipeline).toHaveBeenCalledWith({
      channelId: CHANNEL.channelId,
      teamId: CHANNEL.teamId,
      pipelineId: "partners",
    });
    expect(saved).toEqual({
      contentUrl: `${window.location.origin}/#/pipeline?pipeline=partners`,
      websiteUrl: `${window.location.origin}/#/pipeline?pipeline=partners`,
      entityId: "pipeline:partners",
      suggestedDisplayName: "Partners pipeline",
    });
  });

  it("keeps the dialog open with the server's reason when the link is refused", async () => {
    const teams = fakePort();
    const refused = new ApiError(403, "Forbidden", "Only managers link a channel.", []);
    renderWithPipelines(<ChannelConfigView port={teams.port} />, {
      api: { linkChannelPipeline: vi.fn(async () => Promise.reject(refused)) },
      me: manager,
      pipelines,
    });
    await waitFor(() => expect(teams.port.onSave).toHaveBeenCalled());
    expect(await teams.pressSave()).toBe(
      "The channel could not be linked to the pipeline: Only managers link a channel.",
    );
  });

  it("preselects the pipeline the tab was saved with when it is reconfigured", async () => {
    const teams = fakePort({ entityId: "pipeline:partners" });
    renderWithPipelines(<ChannelConfigView port={teams.port} />, {
      api: {},
      me: manager,
      pipelines,
    });
    expect((screen.getByRole("combobox", { name: "Pipeline" }) as HTMLSelectElement).value).toBe(
      "partners",
    );
  });

  it("tells a seller only managers set it up, and keeps Save disabled", async () => {
    const teams = fakePort();
    renderWithPipelines(<ChannelConfigView port={teams.port} />, {
      api: {},
      me: seller,
      pipelines,
    });
    expect(screen.getByText(/Only a manager can link a channel to a pipeline/)).toBeTruthy();
    await waitFor(() => expect(teams.port.setValid).toHaveBeenCalledWith(false));
    expect(teams.port.setValid).not.toHaveBeenCalledWith(true);
  });

  it("outside Teams explains what it is for and previews the picked pipeline's board", async () => {
    const user = userEvent.setup();
    const browser = fakePort({ inTeams: false, channel: null });
    renderWithPipelines(<ChannelConfigView port={browser.port} />, {
      api: {},
      me: manager,
      pipelines,
    });
    expect(screen.getByText(/sets up a Dealflow tab in a Microsoft Teams channel/)).toBeTruthy();
    await user.selectOptions(screen.getByRole("combobox", { name: "Pipeline" }), "partners");
    expect(screen.getByRole("link", { name: "Preview the board" }).getAttribute("href")).toBe(
      "#/pipeline?pipeline=partners",
    );
    expect(browser.port.setValid).not.toHaveBeenCalledWith(true);
  });

  it("in a group chat lets anyone pick a pipeline and saves the tab on its board, linking nothing", async () => {
    const user = userEvent.setup();
    const linkChannelPipeline = vi.fn();
    const teams = fakePort({ channel: null, chat: { chatId: "19:group@thread.v2" } });
    renderWithPipelines(<ChannelConfigView port={teams.port} />, {
      api: { linkChannelPipeline },
      me: seller,
      pipelines,
    });
    expect(screen.getByRole("heading", { name: "Show a pipeline in this chat" })).toBeTruthy();
    expect(screen.queryByText(/Only a manager/)).toBeNull();
    await waitFor(() => expect(teams.port.setValid).toHaveBeenLastCalledWith(true));
    await user.selectOptions(screen.getByRole("combobox", { name: "Pipeline" }), "partners");

    const saved = await teams.pressSave();
    expect(saved).toEqual({
      contentUrl: `${window.location.origin}/#/pipeline?pipeline=partners`,
      websiteUrl: `${window.location.origin}/#/pipeline?pipeline=partners`,
      entityId: "pipeline:partners",
      suggestedDisplayName: "Partners pipeline",
    });
    expect(linkChannelPipeline).not.toHaveBeenCalled();
  });

  it("in a group chat reopens on the pipeline the tab was saved with", async () => {
    const teams = fakePort({
      channel: null,
      chat: { chatId: "19:group@thread.v2" },
      entityId: "pipeline:partners",
    });
    renderWithPipelines(<ChannelConfigView port={teams.port} />, {
      api: {},
      me: seller,
      pipelines,
    });
    expect((screen.getByRole("combobox", { name: "Pipeline" }) as HTMLSelectElement).value).toBe(
      "partners",
    );
    expect((screen.getByRole("combobox", { name: "Pipeline" }) as HTMLSelectElement).disabled).toBe(
      false,
    );
  });

  it("neither in a channel nor in a chat says where the tab belongs and keeps Save disabled", async () => {
    const teams = fakePort({ channel: null, chat: null });
    renderWithPipelines(<ChannelConfigView port={teams.port} />, {
      api: {},
      me: manager,
      pipelines,
    });
    expect(screen.getByText(/Add this tab to a team channel or a group chat/)).toBeTruthy();
    await waitFor(() => expect(teams.port.setValid).toHaveBeenCalledWith(false));
    expect(teams.port.setValid).not.toHaveBeenCalledWith(true);
  });
});
