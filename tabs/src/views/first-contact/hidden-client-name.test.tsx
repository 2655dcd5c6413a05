import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { DealflowApi } from "../../api/dealflow-api.js";
import { renderWithSession } from "../../test/render-with-session.js";
import { marketplaceOpportunity } from "../marketplace/marketplace.test-support.js";
import { QueueView } from "./QueueView.js";

const hidden = marketplaceOpportunity({}, "o-hidden");

const api: Partial<DealflowApi> = {
  opportunities: vi.fn(async () => ({ items: [hidden], nextCursor: null })),
  notes: vi.fn(async () => ({ items: [], nextCursor: null })),
};

describe("a hidden client in the first-contact queue, in Spanish", () => {
  it("names them in Spanish in the row and in the details dialog, its title too", async () => {
    renderWithSession(<QueueView view="first-contact" />, { api, locale: "es" });

    const row = await screen.findByRole("row", { name: /Cliente oculto/ });
    await userEvent.click(within(row).getByRole("button", { name: "Detalles" }));

    const dialog = await screen.findByRole("dialog", { name: "Cliente oculto" });
    const contact = within(dialog).getByText("Contacto").nextElementSibling;
    expect(contact?.textContent).toBe("Cliente oculto");
    expect(within(dialog).queryByText(/Hidden client/)).toBeNull();
  });
});
