import type { ContactSnapshot as Contact } from "@dealflow/contract";
import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithSession } from "../../../test/render-with-session.js";
import { application } from "../../marketplace/marketplace.test-support.js";
import { ContactSection } from "./ContactSection.js";

/** A hidden client as the server sends them: its placeholder name and nothing else. */
const placeholder: Contact = {
  id: "c-hidden",
  name: "Hidden client",
  email: null,
  phone: null,
  company: null,
  linkedinUrl: null,
  preferredChannel: null,
};

const contactRegion = () => screen.getByRole("region", { name: "Contacto" });

describe("the Contact section of a marketplace client, in Spanish", () => {
  it("says the hidden client's placeholder name in the user's language", () => {
    renderWithSession(
      <ContactSection contact={placeholder} marketplace={application()} onProfile={() => {}} />,
      { locale: "es" },
    );
    expect(within(contactRegion()).getByText("Cliente oculto")).toBeTruthy();
    expect(within(contactRegion()).queryByText("Hidden client")).toBeNull();
  });

  it("describes the profile button by the name as shown", () => {
    renderWithSession(
      <ContactSection contact={placeholder} marketplace={application()} onProfile={() => {}} />,
      { locale: "es" },
    );
    expect(within(contactRegion()).getByText("Cliente oculto")).toBeTruthy();
    // The profile button is described by the name as shown.
    expect(
      within(contactRegion()).getByRole("button", { name: "Ficha", description: /Cliente oculto/ }),
    ).toBeTruthy();
  });

  it("shows a revealed client's own name", () => {
    const beatriz = { ...placeholder, name: "Beatriz Solano", company: "Solano Textiles" };
    renderWithSession(
      <ContactSection
        contact={beatriz}
        marketplace={application({ visibility: "revealed" })}
        onProfile={() => {}}
      />,
      { locale: "es" },
    );
    expect(within(contactRegion()).getByText("Beatriz Solano")).toBeTruthy();
    expect(within(contactRegion()).getByText("Solano Textiles")).toBeTruthy();
  });
});
