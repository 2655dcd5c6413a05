import type { OpportunityListItem as Opportunity, OpportunityView } from "@dealflow/contract";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithSession } from "../../test/render-with-session.js";
import { marketplaceOpportunity } from "../marketplace/marketplace.test-support.js";
import { QueueView } from "./QueueView.js";

const lead: Opportunity = {
  ...marketplaceOpportunity({}, "o-lucia"),
  title: "Hotel Miramar",
  source: "web-form",
  marketplace: null,
  contact: {
    id: "c-lucia",
    name: "Lucía Fernández",
    email: "lucia@miramar.test",
    phone: "+34 611 200 101",
    company: "Hotel Miramar",
    linkedinUrl: null,
    preferredChannel: null,
  },
};

/** A queue holding `lead` until its first contact is recorded; `q` finds nothing else. */
const queueApi = () => {
  let waiting = [lead];
  return {
    opportunities: vi.fn(
      async (_view: OpportunityView, _owner?: string | null, page: { q?: string } = {}) => ({
        items: page.q && !"lucía fernández".includes(page.q.toLowerCase()) ? [] : waiting,
        nextCursor: null,
      }),
    ),
    opportunity: vi.fn(async () => ({ data: lead, etag: 'W/"1"' })),
    recordFirstContact: vi.fn(async () => {
      waiting = [];
      return lead;
    }),
  };
};

const toastText = () =>
  waitFor(() => {
    const toast = document.querySelector(".fui-Toast");
    if (!toast) throw new Error("no toast");
    return toast.textContent ?? "";
  });

describe("the first-contact queue", { timeout: 20_000 }, () => {
  it("toasts the recorded first contact and says what to do once the queue is empty", async () => {
    const user = userEvent.setup();
    const api = queueApi();
    renderWithSession(<QueueView view="first-contact" />, { api });
    const row = await screen.findByRole("row", { name: /Lucía Fernández/ });

    await user.click(within(row).getByRole("button", { name: "Second contact" }));
    await user.click(
      within(await screen.findByRole("dialog")).getByRole("button", { name: "Save" }),
    );

    expect(await toastText()).toContain("Lucía Fernández: Second contact.");
    expect(await screen.findByText("No one is waiting for a first contact.")).toBeTruthy();
  });

  it("searches with the API's q and offers to clear a search that finds nothing", async () => {
    const user = userEvent.setup();
    const api = queueApi();
    renderWithSession(<QueueView view="first-contact" />, { api });
    await screen.findByRole("row", { name: /Lucía Fernández/ });

    await user.type(screen.getByRole("searchbox", { name: "Search" }), "zzz");

    await waitFor(() =>
      expect(api.opportunities).toHaveBeenLastCalledWith(
        "first-contact",
        null,
        expect.objectContaining({ q: "zzz" }),
      ),
    );
    expect(await screen.findByText("Nothing matches “zzz”.")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Clear search" }));
    expect(await screen.findByRole("row", { name: /Lucía Fernández/ })).toBeTruthy();
  });

  it("shows the error with Retry, and the queue once Retry works", async () => {
    const user = userEvent.setup();
    const api = queueApi();
    api.opportunities.mockRejectedValueOnce(new Error("Service unavailable"));
    renderWithSession(<QueueView view="first-contact" />, { api });

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Service unavailable");
    await user.click(within(alert).getByRole("button", { name: "Retry" }));

    expect(await screen.findByRole("row", { name: /Lucía Fernández/ })).toBeTruthy();
  });
});
