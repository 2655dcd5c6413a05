import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { idFromLabel } from "./id-from-label.js";
import { renderSettings } from "./settings-fixture.js";

const openTab = async (name: string) => {
  await userEvent.click(await screen.findByRole("tab", { name }));
  return screen.getByRole("tabpanel");
};

describe("ids generated from labels", () => {
  it.each([
    ["Feria 2026 (Madrid)", [], "feria-2026-madrid"],
    ["Recomendación", [], "recomendacion"],
    ["No budget", ["no-budget"], "no-budget-2"],
    ["No budget", ["no-budget", "no-budget-2"], "no-budget-3"],
    ["¡¿?!", [], "item"],
    ["x".repeat(60), ["x".repeat(40)], `${"x".repeat(38)}-2`],
  ])("%s with %j taken → %s", (label, taken, id) => {
    expect(idFromLabel(label, taken)).toBe(id);
  });
});

describe("Settings › Sources and discard reasons", () => {
  it("adds a source with an id made from its label, unique among the sources", async () => {
    const api = renderSettings();
    const panel = await openTab("Sources");
    await userEvent.type(within(panel).getByRole("textbox", { name: "New source" }), "Referral");
    await userEvent.click(within(panel).getByRole("button", { name: "Add source" }));
    await userEvent.type(within(panel).getByRole("textbox", { name: "New source" }), "Trade fair");
    await userEvent.click(within(panel).getByRole("button", { name: "Add source" }));
    // Two sources named Referral is a mistake the form names before saving.
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(api.saveSettings).not.toHaveBeenCalled();
    expect(within(panel).getByText("Another item has this name.")).toBeTruthy();
    expect(within(panel).getByRole("textbox", { name: "Name of referral-2" })).toBeTruthy();
    const [first] = within(panel).getAllByRole("button", { name: "Remove Referral" });
    await userEvent.click(first as HTMLElement);
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(api.saveSettings.mock.calls[0]?.[0].sources).toEqual([
      { id: "web-form", label: "Web form" },
      { id: "referral-2", label: "Referral" },
      { id: "trade-fair", label: "Trade fair" },
    ]);
  });

  it("renames a discard reason without changing its id, and keeps at least one", async () => {
    const api = renderSettings();
    const panel = await openTab("Discard reasons");
    const name = within(panel).getByRole("textbox", { name: "Name of no-budget" });
    await userEvent.clear(name);
    await userEvent.type(name, "Budget too small");
    await userEvent.click(within(panel).getByRole("button", { name: "Remove Other" }));
    expect(within(panel).getByRole("button", { name: "Remove Budget too small" })).toHaveProperty(
      "disabled",
      true,
    );
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(api.saveSettings.mock.calls[0]?.[0].discardReasons).toEqual([
      { id: "no-budget", label: "Budget too small" },
    ]);
  });
});

describe("Settings › Managers", () => {
  it("adds a manager picked from the tenant's users", async () => {
    const api = renderSettings();
    const panel = await openTab("Managers");
    await userEvent.click(within(panel).getByRole("checkbox", { name: "Luis" }));
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(api.saveSettings.mock.calls[0]?.[0].managerIds).toEqual(["u-luis"]);
  });
});

describe("Settings › Working hours", () => {
  it("saves the team's working days and hours with the settings", async () => {
    const api = renderSettings();
    const panel = await openTab("Time zone and hours");
    await userEvent.click(within(panel).getByRole("checkbox", { name: "Friday" }));
    await userEvent.click(within(panel).getByRole("checkbox", { name: "Saturday" }));
    const start = within(panel).getByLabelText("Work starts at");
    await userEvent.clear(start);
    await userEvent.type(start, "08:30");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(api.saveSettings.mock.calls[0]?.[0].workingHours).toEqual({
      days: [1, 2, 3, 4, 6],
      start: "08:30",
      end: "18:00",
    });
  });
});

describe("Settings › Notifications", () => {
  it("turns on the Teams activity feed with the settings, saying what it needs", async () => {
    const api = renderSettings();
    const panel = await openTab("Notifications");
    const feed = within(panel).getByRole("checkbox", { name: "Also in the Teams activity feed" });
    expect((feed as HTMLInputElement).checked).toBe(false);
    expect(panel.textContent).toContain("TeamsActivity.Send");
    await userEvent.click(feed);
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(api.saveSettings.mock.calls[0]?.[0].activityFeed).toBe(true);
  });

  it("keeps delivery records as many days as set, and refuses fewer than seven before saving", async () => {
    const api = renderSettings();
    const panel = await openTab("Notifications");
    const days = within(panel).getByRole("spinbutton", { name: "Keep delivery records for" });
    expect((days as HTMLInputElement).value).toBe("90");
    await userEvent.clear(days);
    await userEvent.type(days, "3");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(api.saveSettings).not.toHaveBeenCalled();
    expect(
      within(screen.getByRole("tabpanel")).getByText("Must be between 7 and 3650."),
    ).toBeTruthy();

    await userEvent.clear(days);
    await userEvent.type(days, "365");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(api.saveSettings.mock.calls[0]?.[0].retentionDays).toBe(365);
  });
});
