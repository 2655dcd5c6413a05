import { describe, expect, it } from "vitest";
import { formatTimeLeft } from "./offer-clock.js";

const MINUTE = 60_000;

describe("an offer's time left", () => {
  it.each([
    [3 * 1440 * MINUTE, "en", "3d"],
    [(2 * 1440 + 5 * 60 + 30) * MINUTE, "en", "2d 5h"],
    [(5 * 60 + 10) * MINUTE, "en", "5h 10m"],
    [2 * 60 * MINUTE, "en", "2h"],
    // Never "0m" while the offer can still be answered.
    [10_000, "en", "1m"],
    [26 * 60 * MINUTE, "es", "1d 2h"],
  ] as const)("%i ms in %s reads %s", (milliseconds, locale, words) => {
    expect(formatTimeLeft(milliseconds, locale)).toBe(words);
  });
});
