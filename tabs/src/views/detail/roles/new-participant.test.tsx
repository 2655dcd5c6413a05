import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { DealflowApi } from "../../../api/dealflow-api.js";
import { DuplicateContactError } from "../../../api/detail-api.js";
import { DetailView } from "../DetailView.js";
import {
  contact,
  contactRecord,
  fakeDetailApi,
  opportunity,
  renderWithUsers,
  toastSaying,
} from "../detail.test-support.js";

const region = (name: string) => screen.getByRole("region", { name });
const show = (api: Partial<DealflowApi>) =>
  renderWithUsers(<DetailView id="o1" onBack={() => {}} />, { api });

const openNewContact = async () => {
  const participants = await screen.findByRole("region", { name: "Other participants" });
  await userEvent.click(within(participants).getByRole("button", { name: "New contact" }));
  return screen.findByRole("dialog", { name: "New participant" });
};

describe("a new contact as an Other participant", () => {
  it("creates the person and adds them, with the version it read", async () => {
    const fake = fakeDetailApi(opportunity());
    show(fake.api);
    const dialog = await openNewContact();
    await userEvent.type(within(dialog).getByRole("textbox", { name: "Name" }), "Raúl Soto");
    await userEvent.type(
      within(dialog).getByRole("textbox", { name: "Email" }),
      "raul@soto.example",
    );
    await userEvent.type(within(dialog).getByRole("textbox", { name: "Company" }), "Soto SL");
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));

    await waitFor(() =>
      expect(fake.api.createContact).toHaveBeenCalledWith({
        name: "Raúl Soto",
        email: "raul@soto.example",
        company: "Soto SL",
      }),
    );
    await waitFor(() =>
      expect(fake.api.addParticipant).toHaveBeenCalledWith("o1", "c-new-1", "v1"),
    );
    expect(await within(region("Other participants")).findByText("Raúl Soto")).toBeTruthy();
    expect(await toastSaying("Raúl Soto is now a participant.")).toBeTruthy();
    expect(screen.queryByRole("dialog", { name: "New participant" })).toBeNull();
  });

  it("needs a name and sends nothing without one", async () => {
    const fake = fakeDetailApi(opportunity());
    show(fake.api);
    const dialog = await openNewContact();
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(await within(dialog).findByText("Required")).toBeTruthy();
    expect(fake.api.createContact).not.toHaveBeenCalled();
  });

  it("offers the contact who already has the email, and adds that one when picked", async () => {
    const carmen = contact("c-carmen", "Carmen Vidal", "Vidal Consulting");
    const fake = fakeDetailApi(opportunity(), { directory: [carmen] });
    fake.api.createContact.mockRejectedValueOnce(new DuplicateContactError(contactRecord(carmen)));
    show(fake.api);
    const dialog = await openNewContact();
    await userEvent.type(within(dialog).getByRole("textbox", { name: "Name" }), "C. Vidal");
    await userEvent.type(
      within(dialog).getByRole("textbox", { name: "Email" }),
      "carmen@vidal.example",
    );
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));

    expect(
      await within(dialog).findByText("Carmen Vidal (Vidal Consulting) has this email."),
    ).toBeTruthy();
    await userEvent.click(within(dialog).getByRole("button", { name: "Use Carmen Vidal" }));
    await waitFor(() =>
      expect(fake.api.addParticipant).toHaveBeenCalledWith("o1", "c-carmen", "v1"),
    );
    expect(fake.api.createContact).toHaveBeenCalledTimes(1);
  });

  it("saves a second person with the same email only when told they are different", async () => {
    const carmen = contact("c-carmen", "Carmen Vidal");
    const fake = fakeDetailApi(opportunity());
    fake.api.createContact.mockRejectedValueOnce(new DuplicateContactError(contactRecord(carmen)));
    show(fake.api);
    const dialog = await openNewContact();
    await userEvent.type(within(dialog).getByRole("textbox", { name: "Name" }), "Carlos Vidal");
    await userEvent.type(
      within(dialog).getByRole("textbox", { name: "Email" }),
      "info@vidal.example",
    );
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    await userEvent.click(
      await within(dialog).findByRole("button", { name: "Save as a different person" }),
    );
    await waitFor(() =>
      expect(fake.api.createContact).toHaveBeenLastCalledWith({
        name: "Carlos Vidal",
        email: "info@vidal.example",
        allowDuplicate: true,
      }),
    );
    await waitFor(() =>
      expect(fake.api.addParticipant).toHaveBeenCalledWith("o1", "c-new-1", "v1"),
    );
  });

  it("is not offered to a reader who may not edit the opportunity", async () => {
    const fake = fakeDetailApi(opportunity({ permissions: { edit: false } }));
    show(fake.api);
    const participants = await screen.findByRole("region", { name: "Other participants" });
    expect(within(participants).queryByRole("button", { name: "New contact" })).toBeNull();
  });
});
