import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../../api/api-error.js";
import { renderSettings, settingsDocument } from "../settings-fixture.js";

const rotateMarketplaceSecret = vi.fn(async (key: string) => ({
  key,
  secret: "whsec-only-once",
  eventsPath: `/api/marketplace/${key}/events`,
  toleranceSeconds: 300,
}));

const openMarketplaces = async () => {
  await userEvent.click(await screen.findByRole("tab", { name: "Marketplace connectors" }));
  return screen.getByRole("tabpanel");
};

/** The fixture's settings as GET answers them once Malt has a signing secret. */
const withMaltSecret = () => {
  const document = settingsDocument();
  document.marketplaces = document.marketplaces?.map((connector) => ({
    ...connector,
    hasSecret: true,
  }));
  return vi.fn(async () => ({ data: document, etag: 'W/"v1"' }));
};

const rowOf = (panel: HTMLElement, name: string) =>
  within(panel).getByRole("cell", { name }).closest("tr") as HTMLElement;

const fill = async (dialog: HTMLElement, name: RegExp, value: string) => {
  const input = within(dialog).getByRole("spinbutton", { name });
  await userEvent.clear(input);
  if (value) await userEvent.type(input, value);
};

describe("Settings › Marketplace connectors", () => {
  it("lists the connectors with their pipeline, delays in hours and whether a secret is set", async () => {
    renderSettings({ rotateMarketplaceSecret });
    const panel = await openMarketplaces();
    expect(
      within(rowOf(panel, "Malt"))
        .getAllByRole("cell")
        .slice(0, 6)
        .map((cell) => cell.textContent),
    ).toEqual([
      "Malt",
      "malt",
      "The one named after the marketplace, else the first",
      "24 hours",
      "48 hours",
      "No secret yet",
    ]);
  });

  it("checks a new connector's key and delays, then saves it with the settings", async () => {
    const api = renderSettings({ rotateMarketplaceSecret });
    const panel = await openMarketplaces();
    await userEvent.click(within(panel).getByRole("button", { name: "Add marketplace" }));
    const dialog = await screen.findByRole("dialog", { name: "Add marketplace" });
    await userEvent.type(
      within(dialog).getByRole("textbox", { name: /Marketplace name/ }),
      "Workana",
    );
    const key = within(dialog).getByRole("textbox", { name: /Key/ }) as HTMLInputElement;
    expect(key.value).toMatch(/^workana-[0-9a-f]{4}$/);
    await userEvent.clear(key);
    await userEvent.type(key, "malt");
    await fill(dialog, /Client reminder/, "800");
    await fill(dialog, /Automatic reveal/, "12");
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(within(dialog).getByText("Another marketplace has this key.")).toBeTruthy();
    expect(within(dialog).getByText("Must be between 1 minute and 720 hours.")).toBeTruthy();
    await fill(dialog, /Client reminder/, "24");
    expect(within(dialog).getByText("Must be later than the client reminder.")).toBeTruthy();
    await fill(dialog, /Automatic reveal/, "0.123");
    expect(within(dialog).getByText(/Enter a number of hours/)).toBeTruthy();

    await userEvent.clear(key);
    await userEvent.type(key, "workana");
    await fill(dialog, /Automatic reveal/, "36.5");
    await userEvent.selectOptions(
      within(dialog).getByRole("combobox", { name: "Pipeline" }),
      "sales",
    );
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    const rotate = await within(panel).findByRole("button", { name: "Rotate secret of Workana" });
    expect(rotate).toHaveProperty("disabled", true);

    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(api.saveSettings.mock.calls[0]?.[0].marketplaces).toEqual([
      { key: "malt", name: "Malt", pipelineId: null, reminderMinutes: 1440, revealMinutes: 2880 },
      {
        key: "workana",
        name: "Workana",
        pipelineId: "sales",
        reminderMinutes: 1440,
        revealMinutes: 2190,
      },
    ]);
    expect(
      await within(panel).findByRole("button", { name: "Rotate secret of Workana" }),
    ).toHaveProperty("disabled", false);
  });

  it("makes the first secret without asking; the next one asks first", async () => {
    const rotate = vi.fn(async (key: string) => ({
      key,
      secret: "whsec-only-once",
      eventsPath: `/api/marketplace/${key}/events`,
      toleranceSeconds: 300,
    }));
    renderSettings({ rotateMarketplaceSecret: rotate });
    const panel = await openMarketplaces();
    await userEvent.click(within(panel).getByRole("button", { name: "Rotate secret of Malt" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Signing secret of Malt" });
    expect(rotate).toHaveBeenCalledTimes(1);
    expect(within(dialog).getByRole("textbox", { name: "Secret" })).toHaveProperty(
      "value",
      "whsec-only-once",
    );
    await userEvent.click(within(dialog).getByRole("button", { name: "Close" }));
    // Focus is back on the button that opened it, so the page is in the accessibility tree
    // again at once (no wait for tabster's next pass).
    expect(within(rowOf(panel, "Malt")).getByRole("cell", { name: "Secret set" })).toBeTruthy();

    await userEvent.click(
      await within(panel).findByRole("button", { name: "Rotate secret of Malt" }),
    );
    const confirm = await screen.findByRole("alertdialog", {
      name: "Create a new secret for Malt?",
    });
    await userEvent.click(within(confirm).getByRole("button", { name: "Cancel" }));
    expect(rotate).toHaveBeenCalledTimes(1);

    // The editor keeps it: another section and back still says the secret is set.
    await userEvent.click(await screen.findByRole("tab", { name: "Sources" }));
    const again = await openMarketplaces();
    expect(within(rowOf(again, "Malt")).getByRole("cell", { name: "Secret set" })).toBeTruthy();
  });

  it("asks first, then shows the new secret once with Copy and the events address", async () => {
    renderSettings({ rotateMarketplaceSecret, readSettings: withMaltSecret() });
    const panel = await openMarketplaces();
    await userEvent.click(within(panel).getByRole("button", { name: "Rotate secret of Malt" }));
    const confirm = await screen.findByRole("alertdialog", {
      name: "Create a new secret for Malt?",
    });
    await userEvent.click(within(confirm).getByRole("button", { name: "Cancel" }));
    expect(rotateMarketplaceSecret).not.toHaveBeenCalled();

    await userEvent.click(
      await within(panel).findByRole("button", { name: "Rotate secret of Malt" }),
    );
    const again = await screen.findByRole("alertdialog", { name: "Create a new secret for Malt?" });
    await userEvent.click(within(again).getByRole("button", { name: "Rotate secret" }));
    const dialog = await screen.findByRole("alertdialog", { name: "Signing secret of Malt" });
    expect(rotateMarketplaceSecret).toHaveBeenCalledWith("malt");
    expect(within(dialog).getByRole("textbox", { name: "Secret" })).toHaveProperty(
      "value",
      "whsec-only-once",
    );
    expect(within(dialog).getByRole("textbox", { name: "Events address" })).toHaveProperty(
      "value",
      `${window.location.origin}/api/marketplace/malt/events`,
    );
    expect(within(dialog).getByText(/you will not see it again/)).toBeTruthy();
    expect(within(dialog).getByRole("button", { name: "Copy" })).toBeTruthy();
    await userEvent.click(within(dialog).getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(document.body.innerHTML).not.toContain("whsec-only-once");
  });

  it("says why a secret could not be made, in the dialog, and shows none", async () => {
    const refused = vi.fn(async () => {
      throw new ApiError(400, "Bad Request", "Invalid request", [
        { path: "key", message: "is held by another organisation" },
      ]);
    });
    renderSettings({ rotateMarketplaceSecret: refused, readSettings: withMaltSecret() });
    const panel = await openMarketplaces();
    await userEvent.click(within(panel).getByRole("button", { name: "Rotate secret of Malt" }));
    const dialog = await screen.findByRole("alertdialog", {
      name: "Create a new secret for Malt?",
    });
    await userEvent.click(within(dialog).getByRole("button", { name: "Rotate secret" }));
    expect((await within(dialog).findByRole("alert")).textContent).toContain(
      "key: is held by another organisation",
    );
    expect(within(dialog).queryByRole("textbox", { name: "Secret" })).toBeNull();
  });

  it("shows the server's refusal of a connector on its row, in its section", async () => {
    const document = settingsDocument();
    const saveSettings = vi.fn(async () => {
      throw new ApiError(400, "Bad Request", "Invalid settings", [
        { path: "marketplaces.0.revealMinutes", message: "must be at most 43200 minutes" },
      ]);
    });
    renderSettings({
      rotateMarketplaceSecret,
      readSettings: vi.fn(async () => ({ data: document, etag: 'W/"v1"' })),
      saveSettings,
    });
    await userEvent.click(await screen.findByRole("tab", { name: "Sources" }));
    await userEvent.click(screen.getByRole("button", { name: "Remove Referral" }));
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(saveSettings).toHaveBeenCalled();
    const panel = screen.getByRole("tabpanel");
    expect(
      await within(panel).findByRole("heading", { name: "Marketplace connectors" }),
    ).toBeTruthy();
    expect(within(panel).getByText("must be at most 43200 minutes")).toBeTruthy();
  });
});
