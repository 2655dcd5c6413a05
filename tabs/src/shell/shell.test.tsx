import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { browserConfigPort } from "../host/channel-config-port.js";
import { renderWithSession } from "../test/render-with-session.js";
import { Shell } from "./Shell.js";

const api = {
  tasks: vi.fn(async () => ({ items: [], nextCursor: null })),
  opportunities: vi.fn(async () => ({ items: [], nextCursor: null })),
};

/** The viewport as the shell's media query sees it (jsdom has no matchMedia). */
const onPhone = (phone: boolean) => {
  vi.stubGlobal("matchMedia", (query: string) => ({
    matches: phone,
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
};

const show = () =>
  renderWithSession(
    <Shell
      localMode
      onSignOut={() => {}}
      start={{ hash: "#/agenda", backHash: null, pipelineId: null }}
      configPort={browserConfigPort}
    />,
    { api },
  );

beforeEach(() => window.history.replaceState(null, "", "#/agenda"));
afterEach(() => vi.unstubAllGlobals());

describe("the shell", { timeout: 20_000 }, () => {
  it("keeps the navigation beside the view on a laptop: a landmark of links, the view's marked", async () => {
    onPhone(false);
    show();

    const nav = screen.getByRole("navigation", { name: "Views" });
    const agenda = within(nav).getByRole("link", { name: "Agenda" });
    expect(agenda.getAttribute("aria-current")).toBe("page");
    expect(within(nav).getByRole("link", { name: "First contact" }).getAttribute("href")).toBe(
      "#/first-contact",
    );
    expect(screen.queryByRole("button", { name: "Open navigation" })).toBeNull();
    expect(
      await within(screen.getByRole("main")).findByRole("heading", { name: "Agenda" }),
    ).toBeTruthy();
  });

  it("on a phone opens the navigation from the header's menu button and closes it on a choice", async () => {
    onPhone(true);
    const user = userEvent.setup();
    show();
    expect(screen.queryByRole("link", { name: "First contact" })).toBeNull();

    const main = screen.getByRole("main");
    await user.click(await within(main).findByRole("button", { name: "Open navigation" }));
    const nav = await screen.findByRole("navigation", { name: "Views" });
    await user.click(within(nav).getByRole("link", { name: "First contact" }));

    expect(await screen.findByRole("heading", { name: "First contact", level: 1 })).toBeTruthy();
    expect(window.location.hash).toBe("#/first-contact");
    await waitFor(() => expect(screen.queryByRole("link", { name: "Agenda" })).toBeNull());
  });
});
