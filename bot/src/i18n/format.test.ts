import { describe, expect, it } from "vitest";
import { tomorrowAt } from "./format.js";

describe("Snooze's tomorrow at 09:00 on the reader's wall clock", () => {
  const cases: [string, string, string, string][] = [
    ["in Madrid, in winter", "2031-01-14T21:30:00Z", "Europe/Madrid", "2031-01-15T08:00:00.000Z"],
    [
      "in Madrid, across the spring change",
      "2031-03-29T10:00:00Z",
      "Europe/Madrid",
      "2031-03-30T07:00:00.000Z",
    ],
    [
      "in Mexico City, late at night UTC",
      "2031-06-11T04:00:00Z",
      "America/Mexico_City",
      "2031-06-11T15:00:00.000Z",
    ],
    [
      "in Tokyo, already the next day there",
      "2031-06-10T20:00:00Z",
      "Asia/Tokyo",
      "2031-06-12T00:00:00.000Z",
    ],
  ];

  it.each(cases)("comes at 09:00 of the next local day %s", (_case, now, zone, expected) => {
    expect(tomorrowAt(new Date(now), zone, 9).toISOString()).toBe(expected);
  });
});
