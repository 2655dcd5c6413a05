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
