import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderSettings, settingsDocument } from "../settings-fixture.js";

const openForms = async () => {
  await userEvent.click(await screen.findByRole("tab", { name: "Intake forms" }));
  return screen.getByRole("tabpanel");
};

describe("Settings › Intake forms", () => {
  it("shows a new secret once, with a copy button, and forgets it when closed", async () => {
    const api = renderSettings();
    const panel = await openForms();
    await userEvent.click(
      within(panel).getByRole("button", { name: "Create secret for Contact us" }),
    );
    expect(api.rotateIntakeSecret).toHaveBeenCalledWith("contact-us-1a2b");
    const dialog = await screen.findByRole("alertdialog", { name: "Secret of Contact us" });
    expect(within(dialog).getByRole("textbox", { name: "Secret" })).toHaveProperty(
      "value",
      "s3cr3t-only-once",
    );
    expect(within(dialog).getByText(/you will not see it again/)).toBeTruthy();
    expect(within(dialog).getByRole("button", { name: "Copy" })).toBeTruthy();
    await userEvent.click(within(dialog).getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(document.body.innerHTML).not.toContain("s3cr3t-only-once");
    // The form now has a secret: the next one replaces it.
    expect(
      await within(panel).findByRole("button", { name: "New secret for Contact us" }),
    ).toBeTruthy();
  });

  it("asks before replacing a secret that web forms may be using", async () => {
    const document = settingsDocument();
    document.intakeForms = document.intakeForms.map((form) => ({ ...form, hasSecret: true }));
    const api = renderSettings({
      readSettings: vi.fn(async () => ({ data: document, etag: 'W/"v1"' })),
    });
    const panel = await openForms();
    await userEvent.click(within(panel).getByRole("button", { name: "New secret for Contact us" }));
    const confirm = await screen.findByRole("alertdialog", {
      name: "Replace the secret of Contact us?",
    });
    await userEvent.click(within(confirm).getByRole("button", { name: "Cancel" }));
    expect(api.rotateIntakeSecret).not.toHaveBeenCalled();
    await userEvent.click(
      await within(panel).findByRole("button", { name: "New secret for Contact us" }),
    );
    const again = await screen.findByRole("alertdialog", {
      name: "Replace the secret of Contact us?",
    });
    await userEvent.click(within(again).getByRole("button", { name: "New secret" }));
    expect(await screen.findByRole("alertdialog", { name: "Secret of Contact us" })).toBeTruthy();
    expect(api.rotateIntakeSecret).toHaveBeenCalledWith("contact-us-1a2b");
  });

  it("adds a form whose secret can be made only once it is saved; disables a form", async () => {
    const api = renderSettings();
    const panel = await openForms();
    await userEvent.click(within(panel).getByRole("button", { name: "Add intake form" }));
    const dialog = await screen.findByRole("dialog", { name: "Add intake form" });
    await userEvent.type(within(dialog).getByRole("textbox", { name: /Form name/ }), "Fair leads");
    const key = within(dialog).getByRole("textbox", { name: /Key/ }) as HTMLInputElement;
    expect(key.value).toMatch(/^fair-leads-[0-9a-f]{4}$/);
    await userEvent.selectOptions(
      within(dialog).getByRole("combobox", { name: /Source/ }),
      "referral",
    );
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    // Fluent gives the page back to assistive technology once the dialog has finished closing.
    const created = await within(panel).findByRole("button", {
      name: "Create secret for Fair leads",
    });
    expect(created).toHaveProperty("disabled", true);
    await userEvent.click(within(panel).getByRole("switch", { name: "Active: Contact us" }));
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    const forms = api.saveSettings.mock.calls[0]?.[0].intakeForms ?? [];
    expect(forms.map((form) => [form.name, form.active, form.source])).toEqual([
      ["Contact us", false, "web-form"],
      ["Fair leads", true, "referral"],
    ]);
    expect(
      await within(panel).findByRole("button", { name: "Create secret for Fair leads" }),
    ).toHaveProperty("disabled", false);
  });
});
