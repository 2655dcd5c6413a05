import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/api-error.js";
import type { DealflowApi } from "../../api/dealflow-api.js";
import type { Offer, OffersQuery } from "../../api/routing-api.js";
import { renderWithSession, seller } from "../../test/render-with-session.js";
import { OffersView } from "./OffersView.js";
import { NOW, offer } from "./offers.test-support.js";

const HOUR = 3_600_000;
const manager = { ...seller, id: "u-marta", name: "Marta", role: "manager" as const };

/** An inbox whose reads answer `pages` in turn (the last one again afterwards). */
const inbox = (...pages: Offer[][]) => {
  let read = 0;
  const api = {
    listOffers: vi.fn(
      async (_query: OffersQuery) => pages[Math.min(read++, pages.length - 1)] ?? [],
    ),
    acceptOffer: vi.fn(async (id: string) => offer({ id, status: "accepted" })),
    declineOffer: vi.fn(async (id: string) => offer({ id, status: "declined" })),
  } satisfies Partial<DealflowApi>;
  return api;
};

const show = (api: Partial<DealflowApi>, options: Parameters<typeof renderWithSession>[1] = {}) =>
  renderWithSession(<OffersView />, { api, ...options });

const table = () => screen.findByRole("table", { name: /Offers: \d+ waiting/ });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the Offers view", () => {
  it("lists a pending offer with its deadline in words and time, never a colour alone", async () => {
    const soon = offer({ expiresAt: new Date(NOW.getTime() + 53.5 * HOUR).toISOString() });
    show(inbox([soon]));
    const row = within(await table()).getAllByRole("row")[1];
    if (!row) throw new Error("no offer row");
    expect(row.textContent).toContain("Web shop for Navarro Abogados");
    expect(row.textContent).toContain("Ana Partners");
    expect(row.textContent).toContain("Manual");
    expect(row.textContent).toContain("Pending");
    // The two largest units, and the instant itself for the rest.
    expect(row.textContent).toContain("Expires in 2d 5h (4 Mar 2026, 14:30)");
  });

  it("names Accept and Decline exactly and describes them with the opportunity", async () => {
    show(inbox([offer()]));
    await table();
    const accept = screen.getByRole("button", { name: "Accept" });
    const decline = screen.getByRole("button", { name: "Decline" });
    for (const button of [accept, decline]) {
      const described = document.getElementById(button.getAttribute("aria-describedby") ?? "");
      expect(described?.textContent).toBe("Web shop for Navarro Abogados");
    }
    // A seller cannot open an opportunity before accepting it: no link to a 404.
    expect(screen.queryByRole("link", { name: "Web shop for Navarro Abogados" })).toBeNull();
  });

  it("links the opportunity for a manager, who may read every opportunity", async () => {
    show(inbox([offer()]), { me: manager });
    const link = await screen.findByRole("link", { name: "Web shop for Navarro Abogados" });
    expect(link.getAttribute("href")).toBe("#/opportunities/o-1");
  });

  it("accepts: calls the API, says the opportunity is the user's now and reloads", async () => {
    const api = inbox([offer()], []);
    show(api);
    await table();
    await userEvent.click(screen.getByRole("button", { name: "Accept" }));
    await waitFor(() => expect(api.acceptOffer).toHaveBeenCalledWith("of-1"));
    expect(
      await screen.findByText(/You accepted the offer: Web shop for Navarro Abogados is now yours/),
    ).toBeTruthy();
    expect(screen.getByRole("link", { name: "Open Web shop for Navarro Abogados" })).toBeTruthy();
    expect(await screen.findByText("No offer is waiting for your answer.")).toBeTruthy();
    expect(api.listOffers).toHaveBeenCalledTimes(2);
  });

  it("says in words that another target accepted first (412) and reloads the list", async () => {
    const api = inbox([offer()], []);
    api.acceptOffer.mockRejectedValueOnce(new ApiError(412, "Precondition Failed", null, []));
    show(api);
    await table();
    await userEvent.click(screen.getByRole("button", { name: "Accept" }));
    expect(
      await screen.findByText(
        "Another target accepted first: Web shop for Navarro Abogados is no longer offered to you. The list was reloaded.",
      ),
    ).toBeTruthy();
    await waitFor(() => expect(api.listOffers).toHaveBeenCalledTimes(2));
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("says an expired offer cannot be accepted (409)", async () => {
    const api = inbox([offer()]);
    api.acceptOffer.mockRejectedValueOnce(new ApiError(409, "Conflict", "The offer expired.", []));
    show(api);
    await table();
    await userEvent.click(screen.getByRole("button", { name: "Accept" }));
    expect(await screen.findByText(/has expired or was already answered/)).toBeTruthy();
  });

  it("asks before declining, and declines only once confirmed", async () => {
    const api = inbox([offer()], []);
    show(api);
    await table();
    await userEvent.click(screen.getByRole("button", { name: "Decline" }));
    const dialog = await screen.findByRole("alertdialog", {
      name: "Decline the offer for Web shop for Navarro Abogados?",
    });
    await userEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(api.declineOffer).not.toHaveBeenCalled();
    // The keyboard is back where it was, on the offer's Decline.
    const decline = screen.getByRole("button", { name: "Decline" });
    expect(document.activeElement).toBe(decline);

    await userEvent.click(decline);
    const again = await screen.findByRole("alertdialog");
    await userEvent.click(within(again).getByRole("button", { name: "Decline" }));
    await waitFor(() => expect(api.declineOffer).toHaveBeenCalledWith("of-1"));
    expect(
      await screen.findByText("You declined the offer for Web shop for Navarro Abogados."),
    ).toBeTruthy();
  });

  it("says so when nothing waits, and speaks Spanish", async () => {
    show(inbox([]), { locale: "es" });
    expect(await screen.findByText("Ninguna oferta espera tu respuesta.")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1, name: "Ofertas" })).toBeTruthy();
  });

  it("says when the deadline has passed before the sweep expired the offer", async () => {
    const late = offer({ expiresAt: new Date(NOW.getTime() - 60_000).toISOString() });
    show(inbox([late]));
    expect((await table()).textContent).toContain("Expiring now (2 Mar 2026");
  });
});
