import { describe, expect, it } from "vitest";
import {
  formatAmount,
  formatAmounts,
  formatDateTime,
  formatDuration,
  formatRating,
} from "./intl.js";
import { localeOf } from "./locale.js";
import { formatMessage, type PluralMessage } from "./message.js";

const opportunities: PluralMessage = {
  one: "{count} opportunity",
  other: "{count} opportunities",
};
const oportunidades: PluralMessage = {
  one: "{count} oportunidad",
  other: "{count} oportunidades",
  many: "{count} de oportunidades",
};

describe("messages with plural forms", () => {
  it("never says '1 opportunities': the form follows the count, in each language's rules", () => {
    expect(formatMessage("en", opportunities, { count: 1 })).toBe("1 opportunity");
    expect(formatMessage("en", opportunities, { count: 0 })).toBe("0 opportunities");
    expect(formatMessage("en", opportunities, { count: 2 })).toBe("2 opportunities");
    expect(formatMessage("es", oportunidades, { count: 1 })).toBe("1 oportunidad");
    expect(formatMessage("es", oportunidades, { count: 0 })).toBe("0 oportunidades");
    // Spanish's "many" (a million and up) when the catalog has it, else "other".
    expect(formatMessage("es", oportunidades, { count: 1_000_000 })).toBe(
      "1000000 de oportunidades",
    );
    expect(formatMessage("es", { one: "1", other: "{count} x" }, { count: 1_000_000 })).toBe(
      "1000000 x",
    );
  });

  it("fills placeholders and leaves an unknown one visible; no count means the 'other' form", () => {
    expect(formatMessage("en", "{who} moved {title}", { who: "Ana", title: "Web" })).toBe(
      "Ana moved Web",
    );
    expect(formatMessage("en", "Hello {name}", {})).toBe("Hello {name}");
    expect(formatMessage("en", opportunities)).toBe("{count} opportunities");
  });

  it("does not read placeholders inside a value (a lead's text is not a template)", () => {
    expect(formatMessage("en", "{title}", { title: "{count} {title}" })).toBe("{count} {title}");
  });
});

describe("one set of locale tags for every part", () => {
  it("maps any BCP 47 tag to a catalog", () => {
    expect(localeOf("es-MX")).toBe("es");
    expect(localeOf("ES")).toBe("es");
    expect(localeOf("en-US")).toBe("en");
    expect(localeOf("fr-FR")).toBe("en");
    expect(localeOf(undefined)).toBe("en");
  });

  it("writes a date, an amount and a rating the same way wherever it is shown", () => {
    const at = "2026-03-05T09:00:00Z";
    expect(formatDateTime(at, "en", "UTC")).toBe("5 Mar 2026, 09:00");
    expect(formatDateTime(at, "es", "Europe/Madrid")).toBe("5 mar 2026, 10:00");
    expect(formatAmount({ amount: 12_000, currency: "EUR" }, "en")).toBe("€12,000");
    expect(formatAmount({ amount: 12_000.5, currency: "EUR" }, "en")).toBe("€12,000.50");
    expect(formatAmount({ amount: 12_000, currency: "EUR" }, "es")).toBe("12.000\u00a0€");
    expect(formatAmount({ amount: 5, currency: "points" }, "en")).toBe("5 points");
    expect(
      formatAmounts(
        [
          { amount: 1000, currency: "EUR" },
          { amount: 500, currency: "EUR" },
          { amount: 300, currency: "USD" },
        ],
        "en",
      ),
    ).toBe("€1,500 + US$300");
    expect(formatAmounts([], "en")).toBe("–");
    expect(formatRating(4, "en")).toBe("4.0");
    expect(formatRating(4.25, "es")).toBe("4,3");
  });
});

describe("lengths of time", () => {
  const minutes = (n: number) => n * 60_000;
  it("shows the two largest units and leaves out a zero second unit", () => {
    const waited = { largest: "day", units: 2, round: "down" } as const;
    expect(formatDuration(minutes(3 * 1440 + 125), "en", waited)).toBe("3d 2h");
    expect(formatDuration(minutes(2 * 1440), "en", waited)).toBe("2d");
    expect(formatDuration(minutes(65), "en", waited)).toBe("1h 5m");
    expect(formatDuration(30_000, "en", waited)).toBe("0m");
  });

  it("rounds a countdown up, so it never says 0 while the mark is ahead, and counts in hours if asked", () => {
    const countdown = { largest: "hour", units: 2, round: "up" } as const;
    expect(formatDuration(30_000, "en", countdown)).toBe("1m");
    expect(formatDuration(minutes(31 * 60 + 5), "en", countdown)).toBe("31h 5m");
    expect(formatDuration(minutes(31 * 60 + 5), "en", { ...countdown, units: 1 })).toBe("31h");
  });
});
