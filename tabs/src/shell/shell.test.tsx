import { screen, within } from "@testing-library/react";
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
    // The shell mounts its own toaster.
    { api, toaster: false },
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

  it("on a phone keeps the navigation behind the header's menu button", async () => {
    onPhone(true);
    show();

    // The drawer itself is checked in Chromium (tests/tabs-shell.e2e.test.ts): without layout,
    // jsdom gives the open drawer no focusable link and tabster then hides it from the tree.
    const main = screen.getByRole("main");
    const menu = await within(main).findByRole("button", { name: "Open navigation" });
    expect(menu.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("navigation")).toBeNull();
    expect(within(main).getByRole("heading", { name: "Agenda", level: 1 })).toBeTruthy();
  });
});
