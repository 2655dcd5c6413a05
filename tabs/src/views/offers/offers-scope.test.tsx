import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { DealflowApi } from "../../api/dealflow-api.js";
import type { Offer, OffersQuery } from "../../api/routing-api.js";
import { renderWithSession, seller } from "../../test/render-with-session.js";
import { OffersView } from "./OffersView.js";
import { NOW, offer } from "./offers.test-support.js";

const HOUR = 3_600_000;
const manager = { ...seller, id: "u-marta", name: "Marta", role: "manager" as const };

/** Marta's own offer, Ana's pending one, and one Luis already accepted. */
const martaOffer = offer({ id: "of-marta", userId: "u-marta", targetName: "Marta Internal" });
const anaOffer = offer({
  id: "of-ana",
  opportunityTitle: "Logo for Ortega Dental",
  sentAt: new Date(NOW.getTime() - HOUR).toISOString(),
});
const luisAccepted = offer({
  id: "of-luis",
  userId: "u-luis",
  targetName: "Luis Studio",
  opportunityTitle: "App for Pérez Vinos",
  status: "accepted",
  sentAt: new Date(NOW.getTime() - 2 * HOUR).toISOString(),
  answeredAt: new Date(NOW.getTime() - HOUR).toISOString(),
  answeredBy: "u-luis",
});

/** The API as the server answers each query: the manager's inbox, or the tenant's offers. */
const offersApi = () => {
  const everyOffer = [luisAccepted, anaOffer, martaOffer];
  const api = {
    listOffers: vi.fn(async (query: OffersQuery): Promise<Offer[]> => {
      if (query.scope === "mine") return [martaOffer];
      return everyOffer.filter((o) => query.status === null || o.status === query.status);
    }),
    acceptOffer: vi.fn(async (id: string) => offer({ id, status: "accepted" })),
    declineOffer: vi.fn(async (id: string) => offer({ id, status: "declined" })),
  } satisfies Partial<DealflowApi>;
  return api;
};

const pressed = (name: string) => screen.getByRole("button", { name }).getAttribute("aria-pressed");
const rowOf = (title: string) => {
  const row = screen.getAllByRole("row").find((r) => r.textContent?.includes(title));
  if (!row) throw new Error(`no row for ${title}`);
  return row;
};

const showAll = async (api: ReturnType<typeof offersApi>) => {
  renderWithSession(<OffersView />, { api, me: manager });
  await screen.findByRole("table", { name: "Offers: 1 waiting for an answer" });
  await userEvent.click(screen.getByRole("button", { name: "All" }));
  return screen.findByRole("table", { name: /Offers: \d+, newest first/ });
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] });
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the Offers view for a manager", () => {
  it("starts on their own offers and switches to every pending offer of the team", async () => {
    const api = offersApi();
    await showAll(api);
    expect(api.listOffers).toHaveBeenNthCalledWith(1, { scope: "mine" });
    expect(api.listOffers).toHaveBeenLastCalledWith({ scope: "all", status: "pending" });
    expect(pressed("All")).toBe("true");
    expect(pressed("Mine")).toBe("false");
    const status = screen.getByRole("combobox", { name: "Status" });
    expect((status as HTMLSelectElement).value).toBe("pending");
    expect(screen.getByRole("table").getAttribute("aria-label")).toBe("Offers: 2, newest first");
  });

  it("filters by status, any status included, with the answer in words", async () => {
    const api = offersApi();
    await showAll(api);
    const status = screen.getByRole("combobox", { name: "Status" });
    expect(
      within(status)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Any status", "Pending", "Accepted", "Declined", "Expired", "Withdrawn"]);
    await userEvent.selectOptions(status, "accepted");
    await waitFor(() =>
      expect(api.listOffers).toHaveBeenLastCalledWith({ scope: "all", status: "accepted" }),
    );
    await screen.findByRole("table", { name: "Offers: 1, newest first" });
    expect(rowOf("App for Pérez Vinos").textContent).toContain("Accepted (2 Mar 2026, 08:00)");

    await userEvent.selectOptions(status, "Any status");
    await waitFor(() =>
      expect(api.listOffers).toHaveBeenLastCalledWith({ scope: "all", status: null }),
    );
    await screen.findByRole("table", { name: "Offers: 3, newest first" });
    // Newest first, whatever order the server sent them in.
    const titles = screen.getAllByRole("row").slice(1);
    expect(titles.map((row) => row.querySelector("a")?.textContent)).toEqual([
      "Web shop for Navarro Abogados",
      "Logo for Ortega Dental",
      "App for Pérez Vinos",
    ]);
  });

  it("offers Accept and Decline on pending offers only", async () => {
    const api = offersApi();
    await showAll(api);
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Status" }), "Any status");
    await screen.findByRole("table", { name: "Offers: 3, newest first" });
    expect(within(rowOf("App for Pérez Vinos")).queryByRole("button")).toBeNull();
    const ana = within(rowOf("Logo for Ortega Dental"));
    expect(ana.getByRole("button", { name: "Accept" })).toBeTruthy();
    expect(ana.getByRole("button", { name: "Decline" })).toBeTruthy();
  });

  it("accepts another user's offer for its target and says whose it is now", async () => {
    const api = offersApi();
    await showAll(api);
    await userEvent.click(
      within(rowOf("Logo for Ortega Dental")).getByRole("button", { name: "Accept" }),
    );
    await waitFor(() => expect(api.acceptOffer).toHaveBeenCalledWith("of-ana"));
    expect(
      await screen.findByText(
        /You accepted the offer for Ana Partners: Logo for Ortega Dental now belongs to the target's user/,
      ),
    ).toBeTruthy();
  });

  it("warns that a decline for another target is final for that target", async () => {
    const api = offersApi();
    await showAll(api);
    await userEvent.click(
      within(rowOf("Logo for Ortega Dental")).getByRole("button", { name: "Decline" }),
    );
    const dialog = await screen.findByRole("alertdialog", {
      name: "Decline the offer for Logo for Ortega Dental?",
    });
    expect(dialog.textContent).toContain("will not be offered to Ana Partners again");
    await userEvent.click(within(dialog).getByRole("button", { name: "Decline" }));
    await waitFor(() => expect(api.declineOffer).toHaveBeenCalledWith("of-ana"));
    expect(
      await screen.findByText("You declined the offer of Logo for Ortega Dental for Ana Partners."),
    ).toBeTruthy();
  });

  it("goes back to their own offers", async () => {
    const api = offersApi();
    await showAll(api);
    await userEvent.click(screen.getByRole("button", { name: "Mine" }));
    await screen.findByRole("table", { name: "Offers: 1 waiting for an answer" });
    expect(screen.queryByRole("combobox", { name: "Status" })).toBeNull();
    expect(api.listOffers).toHaveBeenLastCalledWith({ scope: "mine" });
  });
});

describe("the Offers view for a seller", () => {
  it("has no scope or status to choose: a seller sees only their own offers", async () => {
    const api = offersApi();
    renderWithSession(<OffersView />, { api });
    await screen.findByRole("table");
    expect(screen.queryByRole("button", { name: "All" })).toBeNull();
    expect(screen.queryByRole("combobox", { name: "Status" })).toBeNull();
    expect(api.listOffers).toHaveBeenCalledWith({ scope: "mine" });
  });
});
