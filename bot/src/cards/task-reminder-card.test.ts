import { describe, expect, it } from "vitest";
import { buildTask } from "../../../core/src/shared/builders.test-support.js";
import { translator } from "../i18n/translate.js";
import { showTask } from "./shown.js";
import { taskReminderCard } from "./task-reminder-card.js";

const words = { t: translator("en"), reader: { locale: "en" as const, timeZone: "UTC" } };
const links = { teamsAppId: null, baseUrl: "http://localhost:3978" };

const doneLine = (outcome: "promising" | null) =>
  JSON.stringify(
    taskReminderCard(
      {
        task: showTask(buildTask({ status: "done", outcome }), null),
        opportunity: null,
        when: "due",
        doneByName: "Ana García",
      },
      words,
      links,
    ).body,
  );

describe("a task reminder once the task is done", () => {
  it("says who did it and the outcome chosen", () => {
    expect(doneLine("promising")).toContain("Done by Ana García (Promising)");
  });

  it("says only who did it when no outcome was chosen, not the form's '(leave blank)'", () => {
    const line = doneLine(null);
    expect(line).toContain("Done by Ana García");
    expect(line).not.toContain("leave blank");
    expect(line).not.toContain("()");
  });
});

describe("a task reminder's Done form", () => {
  const spanish = {
    t: translator("es"),
    reader: { locale: "es" as const, timeZone: "America/Mexico_City" },
  };
  const form = () => {
    const card = taskReminderCard(
      {
        task: showTask(buildTask({ status: "open" }), null),
        opportunity: null,
        when: "due",
        doneByName: null,
      },
      spanish,
      links,
    );
    const done = card.actions?.[0] as { card: { body: Record<string, unknown>[] } } | undefined;
    return done?.card.body ?? [];
  };

  it("offers the person's own next task as a title, a date and a time, labelled in their language", () => {
    expect(
      form()
        .filter((element) => ["nextTitle", "nextDate", "nextTime"].includes(String(element.id)))
        .map((element) => [element.type, element.label]),
    ).toEqual([
      ["Input.Text", "Siguiente tarea"],
      ["Input.Date", "Fecha de la siguiente tarea"],
      ["Input.Time", "Hora de la siguiente tarea"],
    ]);
    expect(JSON.stringify(form())).toContain("horas en America/Mexico City");
  });
});
