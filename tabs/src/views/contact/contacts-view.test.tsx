import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Versioned } from "../../api/api-client.js";
import type {
  ContactPatch,
  ContactProfile,
  ContactRecord,
  NewContact,
} from "../../api/detail-api.js";
import { renderWithSession } from "../../test/render-with-session.js";
import { contact, contactRecord, typeAtOnce } from "../detail/detail.test-support.js";
import { ContactsView } from "./ContactsView.js";

const jorge: ContactRecord = {
  ...contactRecord(contact("c-jorge", "Jorge Navarro", "Navarro Abogados")),
  email: "jorge@navarro.example",
  classification: "promising",
};
const eva = contactRecord(contact("c-eva", "Eva Domínguez", "Domínguez Estudio"));

/** A stand-in for the contacts API: search by any word's start, a profile per contact. */
const fakeContactsApi = (edit = true) => {
  const people = new Map([jorge, eva].map((c) => [c.id, c]));
  const profile = (id: string): Versioned<ContactProfile> => {
    const found = people.get(id);
    if (!found) throw new Error(`no contact ${id}`);
    return {
      data: {
        ...found,
        opportunities: [
          { id: "o1", title: "Bufete web", stage: "new", status: "open", ownerId: "u1" },
        ],
        permissions: { edit },
      },
      etag: `e-${id}`,
    };
  };
  return {
    searchContacts: vi.fn(async (q: string) =>
      [...people.values()].filter((c) =>
        `${c.name} ${c.company ?? ""} ${c.email ?? ""}`
          .toLowerCase()
          .split(/\s+/)
          .some((word) => word.startsWith(q.toLowerCase())),
      ),
    ),
    contact: vi.fn(async (id: string) => profile(id)),
    updateContact: vi.fn(async (id: string, patch: ContactPatch, _etag: string | null) => {
      const before = people.get(id);
      if (!before) throw new Error("gone");
      const { opportunityId: _ignored, ...fields } = patch;
      people.set(id, { ...before, ...fields } as ContactRecord);
      return profile(id);
    }),
    createContact: vi.fn(async (input: NewContact) => {
      const made: ContactRecord = {
        ...contactRecord(contact("c-new", input.name, input.company ?? null)),
        email: input.email ?? null,
      };
      people.set(made.id, made);
      return made;
    }),
  };
};

const searchFor = async (text: string) =>
  typeAtOnce(await screen.findByRole("searchbox", { name: /Search contacts/ }), text);

describe("the Contacts view", () => {
  it("asks what to look for, then lists the matches with their classification", async () => {
    const api = fakeContactsApi();
    renderWithSession(<ContactsView />, { api });
    expect(await screen.findByText(/Type a name, an email or a company/)).toBeTruthy();
    expect(api.searchContacts).not.toHaveBeenCalled();

    await searchFor("navarro");
    const list = await screen.findByRole("list", { name: "Contacts" });
    const rows = within(list).getAllByRole("listitem");
    expect(rows).toHaveLength(1);
    expect(within(rows[0] as HTMLElement).getByText("Promising")).toBeTruthy();
    expect(
      within(rows[0] as HTMLElement).getByText(/Navarro Abogados · jorge@navarro\.example/),
    ).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("1 contact");
  });

  it("says when nothing matches", async () => {
    renderWithSession(<ContactsView />, { api: fakeContactsApi() });
    await searchFor("zzz");
    expect(await screen.findByText("No contact matches “zzz”.")).toBeTruthy();
  });

  it("classifies a contact from its profile, which lists its opportunities", async () => {
    const api = fakeContactsApi();
    renderWithSession(<ContactsView />, { api });
    await searchFor("eva");
    await userEvent.click(await screen.findByRole("button", { name: "Eva Domínguez" }));
    const dialog = await screen.findByRole("dialog", { name: "Profile of Eva Domínguez" });
    expect(within(dialog).getByRole("link", { name: "Bufete web" }).getAttribute("href")).toBe(
      "#/opportunities/o1",
    );
    await userEvent.selectOptions(
      within(dialog).getByRole("combobox", { name: /Classification/ }),
      "likely",
    );
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));

    // From Contacts no opportunity is named: the server picks which one the follow-up is for.
    await waitFor(() =>
      expect(api.updateContact).toHaveBeenCalledWith(
        "c-eva",
        { classification: "likely" },
        "e-c-eva",
      ),
    );
    const list = await screen.findByRole("list", { name: "Contacts" });
    expect(await within(list).findByText("Likely")).toBeTruthy();
  });

  it("shows a profile read-only when the server says the user may not edit it", async () => {
    renderWithSession(<ContactsView />, { api: fakeContactsApi(false) });
    await searchFor("eva");
    await userEvent.click(await screen.findByRole("button", { name: "Eva Domínguez" }));
    const dialog = await screen.findByRole("dialog", { name: "Profile of Eva Domínguez" });
    expect(within(dialog).getByRole("combobox", { name: /Classification/ })).toHaveProperty(
      "disabled",
      true,
    );
  });

  it("adds a new contact and opens it", async () => {
    const api = fakeContactsApi();
    renderWithSession(<ContactsView />, { api });
    await userEvent.click(await screen.findByRole("button", { name: "New contact" }));
    const dialog = await screen.findByRole("dialog", { name: "New contact" });
    await userEvent.type(within(dialog).getByRole("textbox", { name: "Name" }), "Raúl Soto");
    await userEvent.type(within(dialog).getByRole("textbox", { name: "Phone" }), "+34 600 111 222");
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() =>
      expect(api.createContact).toHaveBeenCalledWith({
        name: "Raúl Soto",
        phone: "+34 600 111 222",
      }),
    );
    expect(await screen.findByRole("dialog", { name: "Profile of Raúl Soto" })).toBeTruthy();
  });

  it("speaks Spanish to a Spanish-speaking seller", async () => {
    renderWithSession(<ContactsView />, { api: fakeContactsApi(), locale: "es" });
    expect(await screen.findByRole("heading", { name: "Contactos" })).toBeTruthy();
    await typeAtOnce(await screen.findByRole("searchbox", { name: /Buscar contactos/ }), "eva");
    const list = await screen.findByRole("list", { name: "Contactos" });
    expect(within(list).getByText("Sin clasificar")).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe("1 contacto");
    expect(screen.getByRole("button", { name: "Nuevo contacto" })).toBeTruthy();
  });
});
