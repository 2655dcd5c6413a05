import type { MarketplaceApplication } from "@dealflow/contract";
import { act, cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MarketplaceSection } from "./MarketplaceSection.js";
import {
  APPLIED_AT,
  activity,
  application,
  hoursAfterApplying,
  renderMarketplace,
  serverMarks,
} from "./marketplace.test-support.js";

const WORKANA = { key: "workana", name: "Workana", reminderMinutes: 1440, revealMinutes: 2880 };

/** Renders the section at a fixed clock and answers its text (the state and facts). */
const sectionAt = (
  hours: number,
  overrides: Partial<MarketplaceApplication> = {},
  options: Parameters<typeof renderMarketplace>[1] & {
    activities?: ReturnType<typeof activity>[];
  } = {},
) => {
  vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] });
  vi.setSystemTime(hoursAfterApplying(hours));
  renderMarketplace(
    <MarketplaceSection
      application={application(overrides)}
      activities={options.activities ?? []}
    />,
    options,
  );
  return screen.getByRole("region", { name: "Marketplace" });
};

afterEach(() => {
  vi.useRealTimers();
});

describe("the marketplace section while the client is hidden", () => {
  it("counts down to the client reminder and the automatic reveal", () => {
    const section = sectionAt(16.5);
    expect(section.textContent).toContain("Hidden until the client reacts");
    expect(section.textContent).toContain(
      "The marketplace reminds the client in 7h 30m (3 Mar 2026",
    );
    expect(section.textContent).toContain("Revealed automatically in 31h 30m (4 Mar 2026");
  });

  it("keeps counting while the page stays open", () => {
    const section = sectionAt(17);
    expect(section.textContent).toContain("Revealed automatically in 31h (");
    act(() => {
      vi.advanceTimersByTime(30 * 60_000);
    });
    expect(section.textContent).toContain("Revealed automatically in 30h 30m (");
    expect(section.textContent).toContain("reminds the client in 6h 30m (");
  });

  it("says the client was reminded once the timeline has that line", () => {
    const reminded = activity("client-reminded", hoursAfterApplying(24).toISOString());
    const section = sectionAt(30, {}, { activities: [reminded] });
    expect(section.textContent).toContain("The marketplace reminded the client (3 Mar 2026");
    expect(section.textContent).toContain("Revealed automatically in 18h (");
  });

  it("says a mark is due when it passed before the timer ran, never a negative countdown", () => {
    expect(sectionAt(30).textContent).toContain("The client reminder is due (3 Mar 2026");
    cleanup();
    const late = sectionAt(48.2).textContent;
    expect(late).toContain("The automatic reveal is due now (4 Mar 2026");
    expect(late).not.toMatch(/in -|in 0m/);
  });

  it("uses the connector's name from a manager's settings, and the clocks the server computed with its durations", () => {
    const section = sectionAt(1, serverMarks(APPLIED_AT, 6, 12), {
      marketplaces: [{ ...WORKANA, reminderMinutes: 360, revealMinutes: 720 }],
    });
    expect(section.textContent).toContain("MarketplaceWorkana");
    expect(section.textContent).toContain("reminds the client in 5h (");
    expect(section.textContent).toContain("Revealed automatically in 11h (");
  });

  it("shows the connector key to a seller, whose settings carry no connectors", () => {
    expect(sectionAt(1).textContent).toContain("Marketplaceworkana");
  });

  it("shows a meeting's time but no link while hidden (the server sends none)", () => {
    const section = sectionAt(2, { meetingAt: "2026-03-05T10:00:00.000Z" });
    expect(section.textContent).toContain("Meeting5 Mar 2026");
    expect(screen.queryByRole("link")).toBeNull();
  });

  it("speaks Spanish", () => {
    const section = sectionAt(17, {}, { locale: "es" });
    expect(section.textContent).toContain("Oculto hasta que el cliente responda");
    expect(section.textContent).toContain("Se mostrará automáticamente dentro de 31h (");
  });
});

describe("the marketplace section once the client reacted", () => {
  const revealedAt = hoursAfterApplying(5).toISOString();

  it("says the client accepted, with the meeting time and its link", () => {
    const section = sectionAt(
      6,
      {
        visibility: "revealed",
        revealedAt,
        meetingAt: "2026-03-05T10:00:00.000Z",
        meetingUrl: "https://meet.example/solano",
      },
      { activities: [activity("contact-revealed", revealedAt, { automatic: false })] },
    );
    expect(section.textContent).toContain("Revealed: the client accepted (2 Mar 2026");
    expect(section.textContent).not.toContain("Revealed automatically in");
    const link = screen.getByRole("link", { name: "Join the meeting" });
    expect(link.getAttribute("href")).toBe("https://meet.example/solano");
  });

  it("says the clock revealed the client when nobody reacted", () => {
    const at = hoursAfterApplying(48).toISOString();
    const section = sectionAt(
      50,
      { visibility: "revealed", revealedAt: at },
      {
        activities: [activity("contact-revealed", at, { automatic: true })],
      },
    );
    expect(section.textContent).toContain(
      "Revealed automatically: the client did not react in time",
    );
  });

  it("never links a meeting URL that is not a web link", () => {
    sectionAt(6, {
      visibility: "revealed",
      revealedAt,
      meetingAt: "2026-03-05T10:00:00.000Z",
      meetingUrl: "javascript:alert(1)",
    });
    expect(screen.queryByRole("link")).toBeNull();
  });

  it("a decline while hidden withholds the client and marks the fee for refund", () => {
    const section = sectionAt(10, { visibility: "withheld", refund: "eligible" });
    expect(section.textContent).toContain("Withheld: the client declined.");
    expect(section.textContent).toContain("RefundEligible: the fee is marked for automatic refund");
    expect(section.textContent).not.toContain("Revealed automatically in");
  });

  it.each([
    ["meeting-held", "Not eligible: a meeting with the client is recorded as held"],
    [
      "declined-after-meeting-time",
      "Not eligible: the client declined at or after the scheduled meeting time",
    ],
    ["declined-after-reveal", "Not eligible: the client declined after their contact was revealed"],
    ["some-future-reason", "Not eligible: some-future-reason"],
  ])("says why a refund is not due (%s)", (refundReason, words) => {
    const section = sectionAt(10, { visibility: "withheld", refund: "not-eligible", refundReason });
    expect(section.textContent).toContain(words);
  });

  it("says there is nothing to refund when no fee was paid, and nothing before a decline", () => {
    const withheld = sectionAt(10, { visibility: "withheld", fee: null, refund: "none" });
    expect(withheld.textContent).toContain("Application feeNo fee");
    expect(withheld.textContent).toContain("Nothing to refund: no fee was paid");
    cleanup();
    expect(sectionAt(10).textContent).not.toContain("Refund");
  });
});
