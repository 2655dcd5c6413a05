import type { Me } from "@dealflow/contract";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../../api/api-error.js";
import type { DealflowApi } from "../../api/dealflow-api.js";
import type { DiscardedFilters } from "../../api/reports-api.js";
import { renderWithSession } from "../../test/render-with-session.js";
import { ReportsView } from "./ReportsView.js";
import { discardedContact, sourcesReport, timesReport } from "./report-fixtures.js";

const manager: Me = { id: "u-marta", tenantId: "t1", name: "Marta", role: "manager", locale: "en" };

const reportsApi = (overrides: Partial<DealflowApi> = {}) => ({
  sourcesReport: vi.fn(async () => sourcesReport),
  firstContactTimesReport: vi.fn(async () => timesReport),
  discardedContacts: vi.fn(async (_filters: DiscardedFilters, page: { cursor?: string | null }) =>
    page.cursor === "page-2"
      ? {
          items: [discardedContact("3", "other", "referral", { reasonText: "Logo only" })],
          nextCursor: null,
        }
      : {
          items: [
            discardedContact("1", "no-budget", "web-form"),
            discardedContact("2", "spam", "referral"),
          ],
          nextCursor: "page-2",
        },
  ),
  discardedContactsCsv: vi.fn(async () => new Blob(["discardedAt,contactName\r\n"])),
  ...overrides,
});

describe("the Reports view", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-22T10:00:00.000Z") });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("tells a seller who followed a link that reports are for managers, asking nothing", () => {
    renderWithSession(<ReportsView />, { api: {} });
    expect(screen.getByRole("alert").textContent).toContain("Reports are for managers");
    expect(screen.queryByRole("combobox", { name: "Period" })).toBeNull();
  });

  it("says so when the API refuses the reports with 403", async () => {
    const forbidden = async () => {
      throw new ApiError(403, "Forbidden", "Reports are for managers.", []);
    };
    const api = reportsApi({ sourcesReport: vi.fn(forbidden) });
    renderWithSession(<ReportsView />, { api, me: manager });
    expect((await screen.findByRole("alert")).textContent).toContain("Reports are for managers");
    expect(screen.queryByRole("button", { name: "Retry" })).toBeNull();
  });

  it("shows the charts of the last 30 days, and a failure with a retry", async () => {
    let fail = true;
    const api = reportsApi({
      firstContactTimesReport: vi.fn(async () => {
        if (fail) throw new ApiError(503, "Service Unavailable", "Storage is unreachable.", []);
        return timesReport;
      }),
    });
    renderWithSession(<ReportsView />, { api, me: manager });
    expect((await screen.findByRole("alert")).textContent).toContain("Storage is unreachable.");
    expect(api.sourcesReport).toHaveBeenCalledWith({
      from: "2026-10-23T10:00:00.000Z",
      to: "2026-11-22T10:00:00.000Z",
    });

    fail = false;
    await userEvent.click(screen.getByRole("button", { name: "Retry" }));
    expect(await screen.findByRole("region", { name: "Conversions by source" })).toBeTruthy();
    expect(screen.getByText(/9 opportunities received in the period: 11% won/)).toBeTruthy();
    expect(screen.getByRole("region", { name: "Discard reasons" })).toBeTruthy();
  });

  it("lists the discarded contacts with links, filters, loads more and exports the same filters", async () => {
    const api = reportsApi();
    const createObjectURL = vi.fn(() => "blob:csv");
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    renderWithSession(<ReportsView />, { api, me: manager });
    await userEvent.click(screen.getByRole("tab", { name: "Discarded contacts" }));

    const table = await screen.findByRole("table", { name: /Discarded contacts: 2 shown/ });
    expect(within(table).getByRole("link", { name: "Contact 1" }).getAttribute("href")).toBe(
      "#/opportunities/1",
    );
    expect(within(table).getByText("No budget")).toBeTruthy();

    await userEvent.click(screen.getByRole("button", { name: "Load more" }));
    expect(await screen.findByText("Other: Logo only")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();

    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Reason" }), "no-budget");
    await waitFor(() =>
      expect(api.discardedContacts).toHaveBeenLastCalledWith(
        expect.objectContaining({ reason: "no-budget", from: "2026-10-23T10:00:00.000Z" }),
        { cursor: null, limit: 100 },
      ),
    );

    await userEvent.click(screen.getByRole("button", { name: "Export CSV" }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(api.discardedContactsCsv).toHaveBeenCalledWith(
      expect.objectContaining({ reason: "no-budget", source: "", owner: "" }),
    );
    expect(clicked[0]?.download).toBe("discarded-contacts-2026-11-22.csv");
    expect(clicked[0]?.href).toBe("blob:csv");
    // Many clicks on a machine shared with other test runs.
  }, 20_000);
});
