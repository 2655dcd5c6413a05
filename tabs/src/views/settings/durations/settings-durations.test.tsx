import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../../../api/api-error.js";
import { renderSettings, settingsDocument } from "../settings-fixture.js";

const field = (name: string) => screen.findByRole("spinbutton", { name });
/** The hint and validation message of a control (Fluent's Field links them by aria-describedby). */
const descriptionOf = (element: HTMLElement) =>
  (element.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ");
const save = () => userEvent.click(screen.getByRole("button", { name: "Save" }));

describe("Settings › Durations", () => {
  it("shows each duration with its unit and allowed range", async () => {
    renderSettings();
    const target = await field("First-contact target");
    expect(target).toHaveProperty("value", "15");
    expect(screen.getByRole("combobox", { name: "First-contact target: unit" })).toHaveProperty(
      "value",
      "minutes",
    );
    expect(descriptionOf(target)).toBe("Allowed: 1 minute – 7 days");
    const proposal = await field('Send proposal after "ready for proposal"');
    expect(proposal).toHaveProperty("value", "3");
    expect(
      screen.getByRole("combobox", { name: 'Send proposal after "ready for proposal": unit' }),
    ).toHaveProperty("value", "days");
    expect(descriptionOf(proposal)).toBe("Allowed: 1 hour – 30 days");
    const promising = await field('Follow-up of "promising"');
    expect(promising).toHaveProperty("value", "14");
    expect(descriptionOf(promising)).toBe("Allowed: 1 day – 365 days");
  });

  it("refuses a first-contact target over 7 days before saving, on that field", async () => {
    const api = renderSettings();
    const target = await field("First-contact target");
    await userEvent.clear(target);
    await userEvent.type(target, "8");
    await userEvent.selectOptions(
      screen.getByRole("combobox", { name: "First-contact target: unit" }),
      "days",
    );
    await save();
    expect(api.saveSettings).not.toHaveBeenCalled();
    expect(target.getAttribute("aria-invalid")).toBe("true");
    expect(descriptionOf(target)).toContain("Must be between 1 minute and 7 days.");
    expect(screen.getByText("Settings to fix before saving: 1. They are marked.")).toBeTruthy();
  });

  it("refuses a part of a minute and a second contact under 1 hour", async () => {
    const api = renderSettings();
    const target = await field("First-contact target");
    await userEvent.clear(target);
    await userEvent.type(target, "1.5");
    const second = await field('Second contact after "not reached"');
    await userEvent.selectOptions(
      screen.getByRole("combobox", { name: 'Second contact after "not reached": unit' }),
      "minutes",
    );
    await userEvent.clear(second);
    await userEvent.type(second, "30");
    await save();
    expect(api.saveSettings).not.toHaveBeenCalled();
    expect(screen.getByText("Must be a whole number of minutes.")).toBeTruthy();
    expect(screen.getByText("Must be between 1 hour and 14 days.")).toBeTruthy();
  });

  it("saves the new value in minutes with If-Match, keeps what it does not edit, and says so", async () => {
    const api = renderSettings();
    const target = await field("First-contact target");
    await userEvent.clear(target);
    await userEvent.type(target, "2");
    await userEvent.selectOptions(
      screen.getByRole("combobox", { name: "First-contact target: unit" }),
      "hours",
    );
    await save();
    const [document, etag] = api.saveSettings.mock.calls[0] ?? [];
    const expected = settingsDocument();
    expect(etag).toBe('W/"v1"');
    expect(document?.durations).toEqual({ ...expected.durations, firstContactTargetMinutes: 120 });
    expect(document?.marketplaces).toEqual(
      expected.marketplaces.map(({ hasSecret: _hasSecret, ...connector }) => connector),
    );
    expect(document?.intakeForms?.[0]).not.toHaveProperty("hasSecret");
    expect((await screen.findByRole("status", { name: "" })).textContent).toBe("Settings saved.");
    // The rest of the tab (sources, reasons, pipelines) reads the session's settings again.
    expect(api.refreshSettings).toHaveBeenCalledTimes(1);
  });

  it("shows the server's field error on the field it names", async () => {
    const saveSettings = vi.fn(async () => {
      throw new ApiError(400, "Bad Request", "The settings are not valid.", [
        { path: "durations.notSureFollowUpDays", message: "must be at most 365 days" },
      ]);
    });
    renderSettings({ saveSettings });
    const notSure = await field('Follow-up of "not sure yet"');
    await userEvent.clear(notSure);
    await userEvent.type(notSure, "20");
    expect(notSure).toHaveProperty("value", "20");
    await save();
    expect(notSure.getAttribute("aria-invalid")).toBe("true");
    expect(descriptionOf(notSure)).toContain("must be at most 365 days");
  });

  it("reloads after a 412 and says someone else changed the settings", async () => {
    const saveSettings = vi.fn(async () => {
      throw new ApiError(412, "Precondition Failed", "The settings were changed.", []);
    });
    const newer = {
      ...settingsDocument(),
      durations: { ...settingsDocument().durations, firstContactTargetMinutes: 45 },
    };
    const readSettings = vi
      .fn()
      .mockResolvedValueOnce({ data: settingsDocument(), etag: 'W/"v1"' })
      .mockResolvedValueOnce({ data: newer, etag: 'W/"v2"' });
    renderSettings({ saveSettings, readSettings });
    const target = await field("First-contact target");
    await userEvent.clear(target);
    await userEvent.type(target, "20");
    await save();
    expect(await screen.findByText(/Someone else changed the settings meanwhile/)).toBeTruthy();
    expect(
      within(screen.getByRole("tabpanel")).getByRole("spinbutton", {
        name: "First-contact target",
      }),
    ).toHaveProperty("value", "45");
  });
});
