import { DomainError } from "@dealflow/core";
import { describe, expect, it } from "vitest";
import { parseOwnNextTask } from "./own-next-task.js";

const MEXICO = "America/Mexico_City";
const MADRID = "Europe/Madrid";

const refusal = (fields: Record<string, string>) => {
  try {
    parseOwnNextTask(fields, MADRID);
  } catch (error) {
    if (error instanceof DomainError) return error.errors.map((field) => field.path);
    throw error;
  }
  throw new Error("the fields were accepted");
};

describe("the reminder's own next task", () => {
  it("is none when its three fields are left empty, so the default follow-up stays", () => {
    expect(
      parseOwnNextTask({ note: "x", nextTitle: " ", nextDate: "", nextTime: "" }, MADRID),
    ).toBe(null);
  });

  it.each([
    ["Mexico City (no DST)", MEXICO, "2031-03-10", "09:30", "2031-03-10T15:30:00.000Z"],
    ["Madrid in winter", MADRID, "2031-01-15", "09:30", "2031-01-15T08:30:00.000Z"],
    ["Madrid in summer", MADRID, "2031-07-15", "09:30", "2031-07-15T07:30:00.000Z"],
    [
      "Madrid, seconds from the client",
      MADRID,
      "2031-07-15",
      "18:05:00",
      "2031-07-15T16:05:00.000Z",
    ],
  ])("reads date and time on the reader's wall clock: %s", (_case, zone, date, time, utc) => {
    const next = parseOwnNextTask(
      { nextTitle: "  Llamar a Pedro ", nextDate: date, nextTime: time },
      zone,
    );
    expect(next).toEqual({ kind: "follow-up", title: "Llamar a Pedro", dueAt: new Date(utc) });
  });

  it.each([
    [
      "a date and time without a title",
      { nextDate: "2031-03-10", nextTime: "09:30" },
      ["nextTask.title"],
    ],
    ["a title without a date or time", { nextTitle: "Call" }, ["nextTask.date", "nextTask.time"]],
    [
      "an impossible date",
      { nextTitle: "Call", nextDate: "2031-02-30", nextTime: "09:30" },
      ["nextTask.date"],
    ],
    [
      "a date in another format",
      { nextTitle: "Call", nextDate: "10/03/2031", nextTime: "09:30" },
      ["nextTask.date"],
    ],
    [
      "an impossible time",
      { nextTitle: "Call", nextDate: "2031-03-10", nextTime: "24:10" },
      ["nextTask.time"],
    ],
  ])("refuses %s, naming the fields", (_case, fields, paths) => {
    expect(refusal(fields)).toEqual(paths);
  });
});
