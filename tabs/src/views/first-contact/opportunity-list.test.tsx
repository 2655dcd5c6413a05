import type { OpportunityListItem as Opportunity, Page } from "@dealflow/contract";
import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { DealflowApi } from "../../api/dealflow-api.js";
import { renderWithSession } from "../../test/render-with-session.js";
import { serverFilled } from "../../test/wire-fixtures.js";
import { LIST_PAGE_SIZE, useOpportunityList } from "./use-opportunity-list.js";

const receivedAt = (i: number) => new Date(Date.UTC(2026, 0, 1) - i * 60_000).toISOString();

const opportunity = (i: number): Opportunity => ({
  ...serverFilled(receivedAt(i)),
  id: `o${i}`,
  title: `Lead ${i}`,
  stage: "new",
  status: "open",
  receivedAt: receivedAt(i),
  ownerId: "u-ana",
  source: "web-form",
  campaign: null,
  contact: {
    id: `c${i}`,
    name: `Lead ${i}`,
    email: null,
    phone: null,
    company: null,
    linkedinUrl: null,
    preferredChannel: null,
  },
  participants: [],
  followers: [],
  tags: [],
  value: null,
});

/** The API's pages of a list of `total` rows, `LIST_PAGE_SIZE` at a time; cursors are offsets. */
const pagedApi = (total: number, duplicateAt?: number) =>
  vi.fn<DealflowApi["opportunities"]>(async (_view, _owner, page = {}) => {
    const start = Number(page.cursor ?? 0);
    const end = Math.min(total, start + (page.limit ?? 50));
    const items: Opportunity[] = [];
    for (let i = start; i < end; i++) items.push(opportunity(i));
    // A record that moved during the read shows again on the next page.
    if (duplicateAt !== undefined && start > 0) items.unshift(opportunity(duplicateAt));
    const result: Page<Opportunity> = { items, nextCursor: end < total ? String(end) : null };
    return result;
  });

const Probe = () => {
  const list = useOpportunityList("first-contact");
  return (
    <p>
      {list.items === null ? "none" : `${list.items.length} rows`} {list.complete ? "complete" : ""}
    </p>
  );
};

describe("useOpportunityList", () => {
  it("reads every page of a 1,000-row queue, the largest page at a time", async () => {
    const opportunities = pagedApi(1_000);
    renderWithSession(<Probe />, { api: { opportunities } });
    await waitFor(() => expect(screen.getByText("1000 rows complete")).toBeTruthy());
    expect(opportunities).toHaveBeenCalledTimes(1_000 / LIST_PAGE_SIZE);
    expect(opportunities.mock.calls.every(([, , page]) => page?.limit === LIST_PAGE_SIZE)).toBe(
      true,
    );
  });

  it("keeps one row per opportunity when a record shows on two pages", async () => {
    renderWithSession(<Probe />, { api: { opportunities: pagedApi(450, 3) } });
    await waitFor(() => expect(screen.getByText("450 rows complete")).toBeTruthy());
  });

  it("shows an empty list as complete after one request", async () => {
    const opportunities = pagedApi(0);
    renderWithSession(<Probe />, { api: { opportunities } });
    await waitFor(() => expect(screen.getByText("0 rows complete")).toBeTruthy());
    expect(opportunities).toHaveBeenCalledTimes(1);
  });
});
