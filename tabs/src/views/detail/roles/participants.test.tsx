import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { DealflowApi } from "../../../api/dealflow-api.js";
import { application } from "../../marketplace/marketplace.test-support.js";
import { DetailView } from "../DetailView.js";
import {
  conflict,
  contact,
  contactRecord,
  fakeDetailApi,
  opportunity,
  renderWithUsers,
  toastSaying,
  typeAtOnce,
} from "../detail.test-support.js";

const eva = contact("c-eva", "Eva Domínguez", "Domínguez Estudio");
const jorge = contact("c-jorge", "Jorge Navarro", "Navarro Abogados");

const region = (name: string) => screen.getByRole("region", { name });
const show = (api: Partial<DealflowApi>) =>
  renderWithUsers(<DetailView id="o1" onBack={() => {}} />, { api });

describe("Other participants", () => {
  it("adds a contact found by search, with the version it read", async () => {
    const fake = fakeDetailApi(opportunity(), { directory: [eva] });
    fake.api.searchContacts.mockResolvedValue([contactRecord(eva), contactRecord(jorge)]);
    show(fake.api);
    const search = await screen.findByRole("combobox", { name: /Add participant/ });
    await typeAtOnce(search, "dom");

    // The Contact is offered nowhere: one person, one role.
    await waitFor(() => expect(fake.api.searchContacts).toHaveBeenLastCalledWith("dom"));
    const option = await screen.findByRole("option", { name: /Eva Domínguez/ });
    expect(screen.queryByRole("option", { name: /Jorge Navarro/ })).toBeNull();
    expect(await screen.findByText(/Contacts found: 1\./)).toBeTruthy();
    await userEvent.click(option);

    await waitFor(() => expect(fake.api.addParticipant).toHaveBeenCalledWith("o1", "c-eva", "v1"));
    expect(await within(region("Other participants")).findByText("Eva Domínguez")).toBeTruthy();
    expect(await toastSaying("Eva Domínguez is now a participant.")).toBeTruthy();
  });

  it("searches once per pause in typing and says when nothing matches", async () => {
    const fake = fakeDetailApi(opportunity());
    show(fake.api);
    await typeAtOnce(await screen.findByRole("combobox", { name: /Add participant/ }), "zzz");
    expect(await screen.findByText("No contacts found.")).toBeTruthy();
    expect(fake.api.searchContacts).toHaveBeenCalledTimes(1);
    expect(fake.api.searchContacts).toHaveBeenCalledWith("zzz");
  });

  it("promotes a participant to Contact: the old Contact becomes a participant", async () => {
    const fake = fakeDetailApi(opportunity({ participants: [eva] }));
    show(fake.api);
    const participants = await screen.findByRole("region", { name: "Other participants" });
    await userEvent.click(within(participants).getByRole("button", { name: "Make Contact" }));

    await waitFor(() =>
      expect(fake.api.promoteParticipant).toHaveBeenCalledWith("o1", "c-eva", "v1"),
    );
    await waitFor(() =>
      expect(within(region("Contact")).queryByText("Eva Domínguez")).toBeTruthy(),
    );
    expect(within(region("Other participants")).getByText("Jorge Navarro")).toBeTruthy();
    expect(within(region("Other participants")).queryByText("Eva Domínguez")).toBeNull();
  });

  it("removes a participant", async () => {
    const fake = fakeDetailApi(opportunity({ participants: [eva] }));
    show(fake.api);
    const participants = await screen.findByRole("region", { name: "Other participants" });
    await userEvent.click(within(participants).getByRole("button", { name: "Remove" }));
    await waitFor(() => expect(within(participants).getByText("None.")).toBeTruthy());
    expect(fake.api.removeParticipant).toHaveBeenCalledWith("o1", "c-eva", "v1");
  });

  it("on a stale version reloads and names what someone else changed", async () => {
    const fake = fakeDetailApi(opportunity({ participants: [eva] }));
    show(fake.api);
    const participants = await screen.findByRole("region", { name: "Other participants" });
    fake.changeBehindTheScenes({ participants: [eva, contact("c-hugo", "Hugo Morel")] });
    fake.api.promoteParticipant.mockRejectedValueOnce(conflict());
    await userEvent.click(within(participants).getByRole("button", { name: "Make Contact" }));

    expect(await screen.findByText(/Someone else changed this opportunity/)).toBeTruthy();
    expect(screen.getByText(/other participants/)).toBeTruthy();
    expect(await within(participants).findByText("Hugo Morel")).toBeTruthy();
    expect(within(region("Contact")).getByText("Jorge Navarro")).toBeTruthy();
  });

  it("offers no changes to someone who only follows the opportunity", async () => {
    const fake = fakeDetailApi(
      opportunity({ ownerId: "u-luis", participants: [eva], permissions: { edit: false } }),
    );
    show(fake.api);
    const participants = await screen.findByRole("region", { name: "Other participants" });
    expect(within(participants).queryByRole("button", { name: "Make Contact" })).toBeNull();
    expect(within(participants).queryByRole("button", { name: "Remove" })).toBeNull();
    expect(screen.queryByRole("combobox", { name: /Add participant/ })).toBeNull();
    expect(within(participants).getByRole("button", { name: "Profile" })).toBeTruthy();
  });
});

describe("Other participants of a hidden marketplace client", () => {
  it.each(["hidden", "withheld"] as const)(
    "while the client is %s: every role change is off and says why, and nothing is sent",
    async (visibility) => {
      const fake = fakeDetailApi(
        opportunity({ participants: [eva], marketplace: application({ visibility }) }),
      );
      show(fake.api);
      const participants = await screen.findByRole("region", { name: "Other participants" });
      const reason = /the Contact and the participants can change once they are revealed/;

      const controls = [
        within(participants).getByRole("button", { name: "Make Contact" }),
        within(participants).getByRole("button", { name: "Remove" }),
        within(participants).getByRole("combobox", { name: /Add participant/ }),
      ];
      for (const control of controls) {
        expect(control).toHaveProperty("disabled", true);
        expect(control.getAttribute("aria-describedby")).toBeTruthy();
        expect(
          (control.getAttribute("aria-describedby") ?? "")
            .split(" ")
            .map((id) => document.getElementById(id)?.textContent ?? "")
            .join(" "),
        ).toMatch(reason);
      }
      expect(within(participants).getByText(reason)).toBeTruthy();
      await userEvent.click(controls[1] as HTMLElement);
      expect(fake.api.removeParticipant).not.toHaveBeenCalled();
      expect(fake.api.promoteParticipant).not.toHaveBeenCalled();
    },
  );

  it("once the client is revealed, the roles change again and nothing says they wait", async () => {
    const fake = fakeDetailApi(
      opportunity({ participants: [eva], marketplace: application({ visibility: "revealed" }) }),
    );
    show(fake.api);
    const participants = await screen.findByRole("region", { name: "Other participants" });

    expect(
      within(participants).getByRole("button", { name: "Make Contact" }).hasAttribute("disabled"),
    ).toBe(false);
    expect(within(participants).queryByText(/once they are revealed/)).toBeNull();
  });
});
