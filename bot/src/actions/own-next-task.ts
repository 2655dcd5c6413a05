import { type FieldErrors, invalidInput, wallClockInstant } from "@dealflow/core";
import { OWN_NEXT_FIELDS } from "../cards/task-reminder-card.js";

/** What the card's next task is: it takes the default follow-up's place, so it is one. */
export type OwnNextTask = { kind: "follow-up"; title: string; dueAt: Date };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::\d{2})?$/;

const calendarDate = (text: string) => {
  const match = DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(year, month - 1, day));
  // 2031-02-30 would roll over to March: not a date the person picked.
  return probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day
    ? { year, month, day }
    : null;
};

const minutesOfDay = (text: string) => {
  const match = TIME.exec(text);
  if (!match) return null;
  const [hours, minutes] = match.slice(1).map(Number) as [number, number];
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
};

/**
 * The Done form's own next task, its date and time read on the reader's wall clock in
 * `timeZone`; null when all three are left empty (the outcome's default follow-up then).
 * The card has no kind to choose, so it asks for a title; everything else (how far ahead, a
 * past moment) is the completion's own rule, the API's, checked by the one use case.
 * Paths are the completion's (`nextTask.…`), so a refusal names the card's field alike.
 */
export const parseOwnNextTask = (
  fields: Readonly<Record<string, string>>,
  timeZone: string,
): OwnNextTask | null => {
  const title = (fields[OWN_NEXT_FIELDS.title] ?? "").trim();
  const dateText = (fields[OWN_NEXT_FIELDS.date] ?? "").trim();
  const timeText = (fields[OWN_NEXT_FIELDS.time] ?? "").trim();
  if (title === "" && dateText === "" && timeText === "") return null;

  const errors: FieldErrors = [];
  if (title === "") errors.push({ path: "nextTask.title", message: "is required" });
  const date = calendarDate(dateText);
  if (date === null) {
    errors.push({
      path: "nextTask.date",
      message: dateText === "" ? "is required" : "is not a date",
    });
  }
  const minutes = minutesOfDay(timeText);
  if (minutes === null) {
    errors.push({
      path: "nextTask.time",
      message: timeText === "" ? "is required" : "is not a time",
    });
  }
  if (title === "" || date === null || minutes === null) {
    throw invalidInput(errors, "The own next task is not complete.");
  }
  return { kind: "follow-up", title, dueAt: wallClockInstant({ ...date, minutes }, timeZone) };
};
