import { describe, expect, it } from "vitest";
import { nextOccurrence, parseNcrontab } from "./ncrontab.js";

const next = (expression: string, after: string) =>
  nextOccurrence(parseNcrontab(expression), new Date(after))?.toISOString();

describe("nextOccurrence", () => {
  it.each([
    // Monday 2025-03-10
    {
      expression: "0 */1 * * * *",
      after: "2025-03-10T09:00:00.000Z",
      expected: "2025-03-10T09:01:00.000Z",
    },
    {
      expression: "0 */1 * * * *",
      after: "2025-03-10T09:00:59.999Z",
      expected: "2025-03-10T09:01:00.000Z",
    },
    {
      expression: "0 */5 * * * *",
      after: "2025-03-10T09:03:10.000Z",
      expected: "2025-03-10T09:05:00.000Z",
    },
    {
      expression: "*/15 * * * * *",
      after: "2025-03-10T09:00:46.000Z",
      expected: "2025-03-10T09:01:00.000Z",
    },
    {
      expression: "0 0 * * * *",
      after: "2025-03-10T09:00:00.000Z",
      expected: "2025-03-10T10:00:00.000Z",
    },
    {
      expression: "0 0 * * * *",
      after: "2025-03-10T23:30:00.000Z",
      expected: "2025-03-11T00:00:00.000Z",
    },
    {
      expression: "0 30 9 * * *",
      after: "2025-03-10T09:30:00.000Z",
      expected: "2025-03-11T09:30:00.000Z",
    },
    {
      expression: "0 0 9-17 * * *",
      after: "2025-03-10T17:00:00.000Z",
      expected: "2025-03-11T09:00:00.000Z",
    },
    {
      expression: "0 0 8,12,18 * * *",
      after: "2025-03-10T12:00:00.000Z",
      expected: "2025-03-10T18:00:00.000Z",
    },
    {
      expression: "0 0 8-20/4 * * *",
      after: "2025-03-10T13:00:00.000Z",
      expected: "2025-03-10T16:00:00.000Z",
    },
    {
      expression: "10/20 * * * * *",
      after: "2025-03-10T09:00:31.000Z",
      expected: "2025-03-10T09:00:50.000Z",
    },
    {
      expression: "0 0 9 * * 1-5",
      after: "2025-03-14T10:00:00.000Z",
      expected: "2025-03-17T09:00:00.000Z",
    },
    {
      expression: "0 0 9 * * Sat,Sun",
      after: "2025-03-10T10:00:00.000Z",
      expected: "2025-03-15T09:00:00.000Z",
    },
    {
      expression: "0 0 9 * * 0",
      after: "2025-03-10T10:00:00.000Z",
      expected: "2025-03-16T09:00:00.000Z",
    },
    {
      expression: "0 0 0 1 * *",
      after: "2025-03-10T10:00:00.000Z",
      expected: "2025-04-01T00:00:00.000Z",
    },
    {
      expression: "0 0 0 31 * *",
      after: "2025-03-31T10:00:00.000Z",
      expected: "2025-05-31T00:00:00.000Z",
    },
    {
      expression: "0 0 0 29 Feb *",
      after: "2025-03-10T10:00:00.000Z",
      expected: "2028-02-29T00:00:00.000Z",
    },
    {
      expression: "0 0 12 1 Jan-Mar *",
      after: "2025-03-10T10:00:00.000Z",
      expected: "2026-01-01T12:00:00.000Z",
    },
    {
      expression: "0 0 0 31 12 *",
      after: "2025-12-31T00:00:00.000Z",
      expected: "2026-12-31T00:00:00.000Z",
    },
    // Day and day of week must both match, as in NCrontab: the next Friday the 13th.
    {
      expression: "0 0 0 13 * Fri",
      after: "2025-03-10T00:00:00.000Z",
      expected: "2025-06-13T00:00:00.000Z",
    },
  ])("$expression after $after → $expected", ({ expression, after, expected }) => {
    expect(next(expression, after)).toBe(expected);
  });

  it("finds nothing for a date that does not exist", () => {
    expect(next("0 0 0 30 2 *", "2025-03-10T00:00:00.000Z")).toBeUndefined();
  });
});

describe("parseNcrontab", () => {
  it("expands steps, ranges, lists and names", () => {
    expect(parseNcrontab("*/20 0-10/5 1,2,3 * jan,JULY mon-fri")).toMatchObject({
      seconds: [0, 20, 40],
      minutes: [0, 5, 10],
      hours: [1, 2, 3],
      months: [1, 7],
      daysOfWeek: [1, 2, 3, 4, 5],
    });
  });

  it.each([
    ["0 * * * *", "needs 6 fields"],
    ["0 0 * * * * *", "needs 6 fields"],
    ["60 * * * * *", '"60" is not a valid second'],
    ["0 * 24 * * *", '"24" is not a valid hour'],
    ["0 * * 0 * *", '"0" is not a valid day'],
    ["0 * * * 13 *", '"13" is not a valid month'],
    ["0 * * * * 7", '"7" is not a valid day of week'],
    ["*/0 * * * * *", '"*/0" is not a valid second'],
    ["0 5-1 * * * *", '"5-1" is not a valid minute'],
    ["0 1-2-3 * * * *", '"1-2-3" is not a valid minute'],
    ["0 x * * * *", '"x" is not a valid minute'],
    ["0 , * * * *", '"" is not a valid minute'],
  ])("refuses %s", (expression, message) => {
    expect(() => parseNcrontab(expression)).toThrow(message);
  });
});
