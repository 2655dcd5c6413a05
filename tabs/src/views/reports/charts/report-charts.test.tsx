import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderWithSession } from "../../../test/render-with-session.js";
import { discardedContact, sourcesReport, timesReport } from "../report-fixtures.js";
import { ConversionChart } from "./ConversionChart.js";
import { wholePercents } from "./chart-data.js";
import { DiscardCharts } from "./DiscardCharts.js";
import { FirstContactChart } from "./FirstContactChart.js";

/** A chart's section: its bars' printed texts, its image's text alternative and its table rows. */
const chart = (title: string) => {
  const section = screen.getByRole("region", { name: title });
  const image = within(section).getByRole("img");
  const groups = [...image.querySelectorAll("g[data-group]")].map((group) => ({
    label: group.getAttribute("data-group"),
    values: [...group.querySelectorAll("rect")].map((rect) => rect.getAttribute("data-value")),
    texts: [...group.querySelectorAll("[data-bar-text]")].map((text) => text.textContent),
  }));
  const rows = within(within(section).getByRole("table"))
    .getAllByRole("row")
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    );
  return { summary: image.getAttribute("aria-label") ?? "", groups, rows };
};

describe("report chart data", () => {
  it.each([
    { counts: [2, 1], percents: [67, 33] },
    { counts: [1, 0, 0, 6], percents: [14, 0, 0, 86] },
    { counts: [1, 1, 1, 4], percents: [14, 14, 14, 58] },
    { counts: [3, 1, 1], percents: [60, 20, 20] },
  ])("rounds the shares of $counts to whole percents adding up to 100", ({ counts, percents }) => {
    expect(wholePercents(counts)).toEqual(percents);
    expect(percents.reduce((sum, value) => sum + value, 0)).toBe(100);
  });

  it("prints equal counts as equal shares, even a point or two off 100, and nothing as 0", () => {
    expect(wholePercents([1, 1, 1])).toEqual([33, 33, 33]);
    expect(wholePercents([1, 1, 1, 1, 1, 1])).toEqual([17, 17, 17, 17, 17, 17]);
    expect(wholePercents([2, 2, 1, 1, 1, 1, 1])).toEqual([22, 22, 11, 11, 11, 11, 11]);
    expect(wholePercents([1, 1, 0, 1])).toEqual([33, 33, 0, 33]);
    expect(wholePercents([0, 0])).toEqual([0, 0]);
  });

  it("draws each source's won, lost, discarded and open shares as the table prints them", () => {
    renderWithSession(<ConversionChart report={sourcesReport} />);
    const { groups, rows, summary } = chart("Conversions by source");

    expect(groups.map((group) => group.label)).toEqual(["Referral (6)", "Web form (3)"]);
    const drawnSums = groups.map((group) =>
      group.values.map(Number).reduce((sum, value) => sum + value, 0),
    );
    // Web form's 1, 1, 0, 1 print 33 % each rather than one 34 %.
    expect(drawnSums).toEqual([100, 99]);
    expect(groups[1]?.texts).toEqual(["Won: 33%", "Lost: 33%", "Discarded: 0%", "Open: 33%"]);
    expect(rows).toEqual([
      ["Referral", "6", "0 (0%)", "0 (0%)", "4 (67%)", "2 (33%)", "1h 30m"],
      ["Web form", "3", "1 (33%)", "1 (33%)", "0 (0%)", "1 (33%)", "20m"],
      ["All sources", "9", "1 (11%)", "1 (11%)", "4 (45%)", "3 (33%)", "42m"],
    ]);
    expect(summary).toContain("Referral (6): Won: 0%, Lost: 0%, Discarded: 67%, Open: 33%");
  });

  it("names owners from the session, then the API, and the unassigned ones", () => {
    renderWithSession(<FirstContactChart report={timesReport} />);
    const { groups, rows, summary } = chart("Time to first contact by owner");

    expect(groups.map((group) => group.label)).toEqual(["Luis", "Former Seller", "Unassigned"]);
    expect(groups[0]?.texts).toEqual(["Median: 1h 30m", "90th percentile: 2h 30m"]);
    expect(groups[0]?.values).toEqual(["90", "150"]);
    // Nobody contacted yet: no bar, and the text says so.
    expect(groups[2]?.values).toEqual(["", ""]);
    expect(groups[2]?.texts).toEqual(["Median: —", "90th percentile: —"]);
    expect(rows).toEqual([
      ["Luis", "4", "3", "1h 30m", "2h 30m", "3"],
      ["Former Seller", "1", "1", "10m", "10m", "0"],
      ["Unassigned", "2", "0", "—", "—", "2"],
    ]);
    expect(summary).toContain("Target 15m");
  });

  it("adds up a campaign's discards across sources and lists the reasons with their sources", () => {
    const discarded = [
      discardedContact("1", "no-budget", "web-form"),
      discardedContact("2", "no-budget", "referral"),
      discardedContact("3", "no-budget", "referral"),
      discardedContact("4", "other", "referral"),
      discardedContact("5", "spam", "referral"),
    ];
    renderWithSession(
      <DiscardCharts report={sourcesReport} discarded={discarded} partial={false} />,
    );

    const bySource = chart("Discarded by source");
    expect(bySource.groups.map((group) => [group.label, group.texts])).toEqual([
      ["Referral", ["4 (67% of received)"]],
      ["Web form", ["0 (0% of received)"]],
    ]);
    expect(bySource.rows[0]).toEqual(["Referral", "6", "4", "67%"]);

    const byCampaign = chart("Discarded by campaign");
    expect(byCampaign.rows).toEqual([
      ["spring", "6", "3", "50%"],
      ["No campaign", "3", "1", "33%"],
    ]);
    expect(byCampaign.groups.map((group) => group.values)).toEqual([["3"], ["1"]]);

    const reasons = chart("Discard reasons");
    expect(reasons.groups.map((group) => [group.label, group.texts])).toEqual([
      ["No budget", ["3 (60%)"]],
      ["Other", ["1 (20%)"]],
      // Not in the tenant's list (any more): its id stands in for the label.
      ["spam", ["1 (20%)"]],
    ]);
    expect(reasons.rows[0]).toEqual(["No budget", "3", "60%", "Referral 2, Web form 1"]);
  });

  it("says so when nothing was received or discarded, instead of an empty chart", () => {
    const empty = { ...sourcesReport, sources: [] };
    renderWithSession(<DiscardCharts report={empty} discarded={[]} partial={false} />);
    expect(screen.getByText("No contacts were discarded in this period.")).toBeTruthy();
    expect(screen.getAllByText("No opportunities were received in this period.")).toHaveLength(2);
    expect(screen.queryByRole("img")).toBeNull();
  });

  it("prints the charts in Spanish", () => {
    renderWithSession(<ConversionChart report={sourcesReport} />, { locale: "es" });
    const { groups } = chart("Conversiones por origen");
    // Spanish puts a no-break space before the percent sign.
    expect(groups[1]?.texts.map((text) => text?.replace(/\s/g, " "))).toEqual([
      "Ganadas: 33 %",
      "Perdidas: 33 %",
      "Descartadas: 0 %",
      "Abiertas: 33 %",
    ]);
  });
});
