import { describe, expect, it } from "vitest";
import type { FieldErrors } from "./validation.js";
import { parseInstant } from "./validation.js";

const parse = (value: Date | string) => {
  const errors: FieldErrors = [];
  return { instant: parseInstant(value, "dueAt", errors), errors };
};

describe("parseInstant", () => {
  it.each(["1970-01-01T00:00:00Z", "2026-03-02T10:00:00+01:00", "2199-12-31T23:59:59.999Z"])(
    "accepts %s, inside the years storage can key",
    (value) => {
      expect(parse(value)).toEqual({ instant: new Date(value), errors: [] });
    },
  );

  it.each([
    "1969-12-31T23:59:59Z",
    "0001-01-01T00:00:00Z",
    "2200-01-01T00:00:00Z",
    "2199-12-31T23:30:00-01:00",
    "9999-12-31T23:59:59Z",
  ])("refuses %s, naming the field", (value) => {
    expect(parse(value)).toEqual({
      instant: null,
      errors: [{ path: "dueAt", message: "must be between 1970 and 2199" }],
    });
  });

  it("refuses a Date outside those years as well", () => {
    expect(parse(new Date(Date.UTC(2500, 0, 1))).errors).toEqual([
      { path: "dueAt", message: "must be between 1970 and 2199" },
    ]);
  });

  it("refuses a date-time without an offset, naming the field", () => {
    expect(parse("2026-03-02T10:00:00").errors.map((e) => e.path)).toEqual(["dueAt"]);
  });
});
