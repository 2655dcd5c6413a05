import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { QueueTable } from "../first-contact/QueueTable.js";
import { MarketplaceSection } from "./MarketplaceSection.js";
import {
  application,
  hoursAfterApplying,
  marketplaceOpportunity,
  renderMarketplace,
} from "./marketplace.test-support.js";

/** What the server sends for a marketplace whose manager set 12 h and 36 h. */
const SERVER_MARKS = {
  reminderAt: hoursAfterApplying(12).toISOString(),
  revealAt: hoursAfterApplying(36).toISOString(),
};

const at = (hours: number) => {
  vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] });
  vi.setSystemTime(hoursAfterApplying(hours));
};

afterEach(() => {
  vi.useRealTimers();
});

describe("the countdowns of a hidden client, as the server computed them", () => {
  it("counts a seller, whose settings carry no connectors, down to the server's 12 h and 36 h marks", () => {
    at(1);
    renderMarketplace(
      <MarketplaceSection application={application(SERVER_MARKS)} activities={[]} />,
    );
    const section = screen.getByRole("region", { name: "Marketplace" });
    expect(section.textContent).toContain("The marketplace reminds the client in 11h (");
    expect(section.textContent).toContain("Revealed automatically in 35h (");
    const times = [...section.querySelectorAll("time")].map((time) => time.dateTime);
    expect(times).toEqual(expect.arrayContaining([SERVER_MARKS.reminderAt, SERVER_MARKS.revealAt]));
  });

  it("prefers the server's marks to a manager's settings", () => {
    at(1);
    renderMarketplace(
      <QueueTable
        caption="First contact"
        items={[marketplaceOpportunity(SERVER_MARKS, "o-hidden")]}
        withActions={false}
        onAction={() => {}}
      />,
      {
        marketplaces: [
          { key: "workana", name: "Workana", reminderMinutes: 60, revealMinutes: 180 },
        ],
      },
    );
    const row = document.querySelector<HTMLElement>('tr[data-opportunity-id="o-hidden"]');
    expect(row && within(row).getByText("Hidden · reveals in 35h")).toBeTruthy();
  });

  it("shows no countdown the server did not send (a marketplace removed since)", () => {
    at(1);
    renderMarketplace(
      <MarketplaceSection
        application={application({ reminderAt: null, revealAt: null })}
        activities={[]}
      />,
    );
    const section = screen.getByRole("region", { name: "Marketplace" });
    expect(section.textContent).toContain("Hidden until the client reacts");
    expect(section.textContent).not.toContain("reminds the client");
    expect(section.textContent).not.toContain("Revealed automatically");
    expect(section.querySelectorAll("time[datetime]").length).toBe(1);
  });

  it("says the reveal is due once the server's mark has passed, though the default 48 h has not", () => {
    at(36.5);
    renderMarketplace(
      <MarketplaceSection application={application(SERVER_MARKS)} activities={[]} />,
    );
    const section = screen.getByRole("region", { name: "Marketplace" });
    expect(section.textContent).toContain("The automatic reveal is due now (");
    expect(section.textContent).toContain("The client reminder is due (");
    expect(section.textContent).not.toMatch(/in -|in 0m|in 11h 30m/);
  });
});
