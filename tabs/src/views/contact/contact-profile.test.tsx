import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Versioned } from "../../api/api-client.js";
import { ApiError } from "../../api/api-error.js";
import type { DealflowApi } from "../../api/dealflow-api.js";
import type { ContactPatch, ContactProfile } from "../../api/detail-api.js";
import {
  conflict,
  contact,
  contactRecord,
  renderWithUsers,
} from "../detail/detail.test-support.js";
import { ContactProfileDialog } from "./ContactProfileDialog.js";

const profile = (overrides: Partial<ContactProfile> = {}): Versioned<ContactProfile> => ({
  data: {
    ...contactRecord(contact("c-jorge", "Jorge Navarro", "Navarro Abogados")),
    opportunities: [],
    permissions: { edit: true },
    ...overrides,
  },
  etag: "c1",
});

const open = (api: Partial<DealflowApi>, canEdit = true) => {
  const onSaved = vi.fn(async () => {});
  const onClose = vi.fn();
  renderWithUsers(
    <ContactProfileDialog
      contactId="c-jorge"
      opportunityId="o1"
      canEdit={canEdit}
      onClose={onClose}
      onSaved={onSaved}
    />,
    { api },
  );
  return { onSaved, onClose };
};

const updateContact = () =>
  vi.fn(async (_id: string, _patch: ContactPatch, _etag: string | null) => profile());

describe("the contact profile", () => {
  it("requires a name and sends nothing without one", async () => {
    const update = updateContact();
    open({ contact: vi.fn(async () => profile()), updateContact: update });
    const dialog = await screen.findByRole("dialog", { name: "Profile of Jorge Navarro" });
    await userEvent.clear(within(dialog).getByRole("textbox", { name: /Name/ }));
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(await within(dialog).findByText("Required")).toBeTruthy();
    expect(update).not.toHaveBeenCalled();
  });

  it("sends only what changed, with the version it read", async () => {
    const update = updateContact();
    const { onSaved } = open({ contact: vi.fn(async () => profile()), updateContact: update });
    const dialog = await screen.findByRole("dialog", { name: "Profile of Jorge Navarro" });
    await userEvent.type(within(dialog).getByRole("textbox", { name: "Phone" }), "+34 600 000 000");
    await userEvent.clear(within(dialog).getByRole("textbox", { name: "Company" }));
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() =>
      expect(update).toHaveBeenCalledWith(
        "c-jorge",
        { phone: "+34 600 000 000", company: null },
        "c1",
      ),
    );
    expect(onSaved).toHaveBeenCalled();
  });

  it("shows the API's field errors beside their fields", async () => {
    const update = updateContact();
    update.mockRejectedValueOnce(
      new ApiError(400, "Bad Request", "The contact is not valid.", [
        { path: "phone", message: "is not a phone number" },
      ]),
    );
    const { onSaved } = open({ contact: vi.fn(async () => profile()), updateContact: update });
    const dialog = await screen.findByRole("dialog", { name: "Profile of Jorge Navarro" });
    await userEvent.type(within(dialog).getByRole("textbox", { name: "Phone" }), "abc");
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(await within(dialog).findByText("is not a phone number")).toBeTruthy();
    expect(within(dialog).getByText("The contact is not valid.")).toBeTruthy();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it("sets a classification for the opportunity it was opened from", async () => {
    const update = updateContact();
    open({ contact: vi.fn(async () => profile()), updateContact: update });
    const dialog = await screen.findByRole("dialog", { name: "Profile of Jorge Navarro" });
    const classification = within(dialog).getByRole("combobox", { name: /Classification/ });
    expect(
      within(classification)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Not classified", "Potential consultant", "Promising", "Likely", "Undecided"]);
    await userEvent.selectOptions(classification, "promising");
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() =>
      expect(update).toHaveBeenCalledWith(
        "c-jorge",
        { classification: "promising", opportunityId: "o1" },
        "c1",
      ),
    );
  });

  it("clears a classification with the blank choice", async () => {
    const update = updateContact();
    open({
      contact: vi.fn(async () => profile({ classification: "likely", tags: ["likely"] })),
      updateContact: update,
    });
    const dialog = await screen.findByRole("dialog", { name: "Profile of Jorge Navarro" });
    expect(within(dialog).getByText("Tags: likely")).toBeTruthy();
    await userEvent.selectOptions(
      within(dialog).getByRole("combobox", { name: /Classification/ }),
      "",
    );
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() =>
      expect(update).toHaveBeenCalledWith(
        "c-jorge",
        { classification: null, opportunityId: "o1" },
        "c1",
      ),
    );
  });

  it("on a stale version reloads, keeps the user's edit and names what changed", async () => {
    const update = updateContact();
    update.mockRejectedValueOnce(conflict());
    const read = vi
      .fn(async () => profile({ email: "new@navarro.test" }))
      .mockResolvedValueOnce(profile());
    open({ contact: read, updateContact: update });
    const dialog = await screen.findByRole("dialog", { name: "Profile of Jorge Navarro" });
    await userEvent.type(within(dialog).getByRole("textbox", { name: "Phone" }), "600");
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(
      await within(dialog).findByText(/Someone else changed this contact meanwhile \(email\)/),
    ).toBeTruthy();
    expect(within(dialog).getByRole("textbox", { name: "Email" })).toHaveProperty(
      "value",
      "new@navarro.test",
    );
    expect(within(dialog).getByRole("textbox", { name: "Phone" })).toHaveProperty("value", "600");
  });

  it("is read-only for someone who may not edit the contact", async () => {
    const update = updateContact();
    const { onClose } = open(
      { contact: vi.fn(async () => profile()), updateContact: update },
      false,
    );
    const dialog = await screen.findByRole("dialog", { name: "Profile of Jorge Navarro" });
    expect(
      within(dialog).getByText(/Only the owner of this opportunity or a manager/),
    ).toBeTruthy();
    expect(within(dialog).getByRole("textbox", { name: /Name/ })).toHaveProperty("readOnly", true);
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(onClose).toHaveBeenCalled();
    expect(update).not.toHaveBeenCalled();
  });
});
