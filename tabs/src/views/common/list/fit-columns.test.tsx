import { describe, expect, it } from "vitest";
import { type ColumnFit, fitColumns } from "./fit-columns.js";

const COLUMNS: ColumnFit[] = [
  { id: "name", priority: 1, minWidth: 200, grow: 2 },
  { id: "email", priority: 3, minWidth: 200 },
  { id: "stage", priority: 2, minWidth: 100 },
  { id: "actions", priority: 1, minWidth: 300, grow: 0 },
];

const ids = (width: number) => fitColumns(COLUMNS, width).map((column) => column.id);

describe("fitting a list's columns to its width", () => {
  it("shows every column, in its own order, when they all fit", () => {
    expect(ids(1000)).toEqual(["name", "email", "stage", "actions"]);
  });

  it("drops the lowest priority first as the width shrinks", () => {
    expect(ids(799)).toEqual(["name", "stage", "actions"]);
    expect(ids(599)).toEqual(["name", "actions"]);
  });

  it("keeps priority 1 even when it does not fit", () => {
    expect(ids(300)).toEqual(["name", "actions"]);
  });

  it("shares the spare width by grow, filling exactly 100 %", () => {
    const fitted = fitColumns(COLUMNS, 1200);
    const percent = Object.fromEntries(fitted.map((column) => [column.id, column.percent]));

    expect(fitted.reduce((sum, column) => sum + column.percent, 0)).toBeCloseTo(100);
    // 400 px spare: name gets 2 shares of 4, email and stage one each, actions none.
    expect(percent.name).toBeCloseTo((400 / 1200) * 100);
    expect(percent.actions).toBeCloseTo((300 / 1200) * 100);
  });
});
