import type { OpportunityListItem as Opportunity } from "@dealflow/contract";
import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { DealflowApi } from "../../api/dealflow-api.js";
import { renderWithSession } from "../../test/render-with-session.js";
import { MarketplaceView } from "./MarketplaceView.js";
import { hoursAfterApplying, marketplaceOpportunity } from "./marketplace.test-support.js";

const webLead: Opportunity = {
  ...marketplaceOpportunity({}, "o-web"),
  title: "Navarro Abogados",
  source: "web-form",
  marketplace: null,
};
const hidden = marketplaceOpportunity(
  { meetingAt: "2026-03-05T10:00:00.000Z", fee: { amount: 25, currency: "EUR" } },
  "o-hidden",
);
const withheld = marketplaceOpportunity(
  { visibility: "withheld", refund: "eligible" },
  "o-withheld",
);
const revealed = {
  ...marketplaceOpportunity(
    { visibility: "revealed", revealedAt: hoursAfterApplying(5).toISOString(), fee: null },
    "o-revealed",
  ),
  contact: { ...webLead.contact, id: "c-beatriz", name: "Beatriz Solano" },
};

/** The `all` list as the API answers it: one page. */
const listing = (items: Opportunity[]) => ({
  opportunities: vi.fn<DealflowApi["opportunities"]>(async () => ({ items, nextCursor: null })),
});

const at = (hours: number) => {
  vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] });
  vi.setSystemTime(hoursAfterApplying(hours));
};

const rowOf = (id: string): HTMLElement => {
  const row = document.querySelector<HTMLElement>(`tr[data-opportunity-id="${id}"]`);
  if (!row) throw new Error(`no row ${id}`);
  return row;
};

afterEach(() => {
  vi.useRealTimers();
});

describe("the Marketplace view", () => {
  it("lists only marketplace opportunities, each state in words with its facts", async () => {
    at(16.5);
    const api = listing([webLead, hidden, withheld, revealed]);
    renderWithSession(<MarketplaceView />, { api });
    const table = await screen.findByRole("table", {
      name: "Marketplace: 3 opportunities, newest first",
    });
    expect(api.opportunities).toHaveBeenCalledWith("all", null, expect.anything());
    expect(document.querySelector('tr[data-opportunity-id="o-web"]')).toBeNull();
    expect(within(table).getAllByRole("row")).toHaveLength(4);

    const hiddenRow = rowOf("o-hidden");
    expect(within(hiddenRow).getByText("Hidden client")).toBeTruthy();
    expect(hiddenRow.textContent).toContain("workana");
    expect(hiddenRow.textContent).toContain("Hidden");
    expect(hiddenRow.textContent).toContain("Client reminder in 7h 30m (3 Mar 2026, 08:00)");
    expect(hiddenRow.textContent).toContain("Reveal in 31h 30m (4 Mar 2026, 08:00)");
    expect(hiddenRow.textContent).toContain("5 Mar 2026, 10:00");
    expect(hiddenRow.textContent).toContain("€25");
    expect(hiddenRow.textContent).toContain("No decision");

    const withheldRow = rowOf("o-withheld");
    expect(withheldRow.textContent).toContain("Withheld");
    expect(withheldRow.textContent).toContain("Eligible: the fee is marked for automatic refund");
    expect(withheldRow.textContent).not.toContain("Reveal in");

    const revealedRow = rowOf("o-revealed");
    expect(revealedRow.textContent).toContain("Revealed (2 Mar 2026, 13:00)");
    expect(revealedRow.textContent).toContain("Beatriz Solano");
    expect(revealedRow.textContent).toContain("No fee");
    expect(revealedRow.textContent).toContain("Not scheduled");
    const link = within(revealedRow).getByRole("link", { name: "Rebuild the online shop" });
    expect(link.getAttribute("href")).toBe("#/opportunities/o-revealed");
  });

  it("counts from the server's marks and says when they have passed", async () => {
    at(30);
    const marked = marketplaceOpportunity(
      {
        reminderAt: hoursAfterApplying(12).toISOString(),
        revealAt: hoursAfterApplying(36).toISOString(),
      },
      "o-marked",
    );
    renderWithSession(<MarketplaceView />, { api: listing([marked]) });
    await screen.findByRole("table");
    const text = rowOf("o-marked").textContent;
    expect(text).toContain("Client reminder time passed (2 Mar 2026, 20:00)");
    expect(text).toContain("Reveal in 6h (3 Mar 2026, 20:00)");
  });

  it("says so when there is none, in Spanish", async () => {
    at(1);
    renderWithSession(<MarketplaceView />, { api: listing([webLead]), locale: "es" });
    expect(
      await screen.findByText("No hay oportunidades de marketplace que mostrar."),
    ).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("renders only the rows in view of a long list, keeping the real count", async () => {
    at(1);
    const many = Array.from({ length: 150 }, (_item, index) =>
      marketplaceOpportunity({}, `o-${index}`),
    );
    renderWithSession(<MarketplaceView />, { api: listing(many) });
    const table = await screen.findByRole("table", { name: /150 opportunities/ });
    expect(table.getAttribute("aria-rowcount")).toBe("151");
    // jsdom lays nothing out, so the window may hold no row at all: never the 150.
    expect(table.querySelectorAll("tr[data-opportunity-id]").length).toBeLessThan(100);
    // The rows not rendered keep their height, so the scroll bar tells the real length.
    expect(table.querySelector<HTMLElement>("tr[aria-hidden]")?.style.height).toMatch(/px$/);
  });
});
