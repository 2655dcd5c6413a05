import { describe, expect, it } from "vitest";
import { defaultSettings } from "../settings/settings.js";
import { buildTask, NOW, settingsWith } from "../shared/builders.test-support.js";
import { taskDeadlines } from "./task-deadlines.js";

const kindsAndTimes = (deadlines: ReturnType<typeof taskDeadlines>) =>
  deadlines.map((deadline) => [deadline.kind, deadline.dueAt]);

describe("taskDeadlines", () => {
  it("reminds 1 hour before and at the due time by default", () => {
    const task = buildTask({ dueAt: "2026-03-02T15:00:00.000Z" });

    expect(kindsAndTimes(taskDeadlines(task, defaultSettings(), NOW))).toEqual([
      ["task-due-soon", "2026-03-02T14:00:00.000Z"],
      ["task-due", "2026-03-02T15:00:00.000Z"],
    ]);
  });

  it("gives a task created already past due only its due reminder, at its due time", () => {
    const task = buildTask({ dueAt: "2026-03-01T15:00:00.000Z" });

    expect(kindsAndTimes(taskDeadlines(task, defaultSettings(), NOW))).toEqual([
      ["task-due", "2026-03-01T15:00:00.000Z"],
    ]);
  });

  it("still escalates a task created already past due when the tenant set the escalation", () => {
    const task = buildTask({ dueAt: "2026-03-01T15:00:00.000Z" });
    const settings = settingsWith({ durations: { taskOverdueEscalationMinutes: 60 } });

    expect(kindsAndTimes(taskDeadlines(task, settings, NOW))).toEqual([
      ["task-due", "2026-03-01T15:00:00.000Z"],
      ["task-overdue-escalation", "2026-03-01T16:00:00.000Z"],
    ]);
  });

  it("skips the due-soon reminder when its moment has already passed", () => {
    const task = buildTask({ dueAt: "2026-03-02T09:30:00.000Z" });

    expect(kindsAndTimes(taskDeadlines(task, defaultSettings(), NOW))).toEqual([
      ["task-due", "2026-03-02T09:30:00.000Z"],
    ]);
  });

  it("keeps a due-soon reminder that falls due exactly one minute from now", () => {
    const task = buildTask({ dueAt: "2026-03-02T10:01:00.000Z" });

    expect(taskDeadlines(task, defaultSettings(), NOW)[0]?.kind).toBe("task-due-soon");
  });

  it("sends only the reminder at due time when the lead time is set to 0", () => {
    const task = buildTask({ dueAt: "2026-03-02T15:00:00.000Z" });
    const settings = settingsWith({ durations: { taskDueSoonMinutes: 0 } });

    expect(kindsAndTimes(taskDeadlines(task, settings, NOW))).toEqual([
      ["task-due", "2026-03-02T15:00:00.000Z"],
    ]);
  });

  it("honours a tenant's longer lead time for the due-soon reminder", () => {
    const task = buildTask({ dueAt: "2026-03-05T09:00:00.000Z" });
    const settings = settingsWith({ durations: { taskDueSoonMinutes: 24 * 60 } });

    expect(taskDeadlines(task, settings, NOW)[0]?.dueAt).toBe("2026-03-04T09:00:00.000Z");
  });

  it("escalates an overdue task only when the tenant set the optional escalation", () => {
    const task = buildTask({ dueAt: "2026-03-02T15:00:00.000Z" });
    const settings = settingsWith({ durations: { taskOverdueEscalationMinutes: 120 } });

    expect(kindsAndTimes(taskDeadlines(task, defaultSettings(), NOW))).not.toContainEqual(
      expect.arrayContaining(["task-overdue-escalation"]),
    );
    expect(kindsAndTimes(taskDeadlines(task, settings, NOW))).toContainEqual([
      "task-overdue-escalation",
      "2026-03-02T17:00:00.000Z",
    ]);
  });

  it("expects the due time it was scheduled for, so a rescheduled task ignores old reminders", () => {
    const task = buildTask({ id: "task-9", dueAt: "2026-03-02T15:00:00.000Z" });

    const deadlines = taskDeadlines(task, defaultSettings(), NOW);

    expect(deadlines.every((d) => d.expect === task.dueAt && d.subjectId === "task-9")).toBe(true);
    expect(deadlines.map((d) => d.id)).toEqual([
      `task-due-soon~task-9~${Date.parse("2026-03-02T14:00:00Z")}`,
      `task-due~task-9~${Date.parse("2026-03-02T15:00:00Z")}`,
    ]);
  });

  describe("within the working week (Mon–Fri 09:00–18:00 by default)", () => {
    const madrid = settingsWith({ timeZone: "Europe/Madrid" });
    // Monday 2 March 2026, 10:00 in Madrid (UTC+1).
    const monday = new Date("2026-03-02T09:00:00.000Z");
    it.each([
      {
        case: "a task due mid-morning: 1 h before and at due time",
        dueAt: "2026-03-03T10:30:00.000Z",
        expected: [
          ["task-due-soon", "2026-03-03T09:30:00.000Z"],
          ["task-due", "2026-03-03T10:30:00.000Z"],
        ],
      },
      {
        case: "due at 09:30 local: the 'due soon' comes at 09:00, not at 08:30",
        dueAt: "2026-03-03T08:30:00.000Z",
        expected: [
          ["task-due-soon", "2026-03-03T08:00:00.000Z"],
          ["task-due", "2026-03-03T08:30:00.000Z"],
        ],
      },
      {
        case: "due at 09:00 local: no 'due soon' at night, only the one at due time",
        dueAt: "2026-03-03T08:00:00.000Z",
        expected: [["task-due", "2026-03-03T08:00:00.000Z"]],
      },
      {
        case: "due at 07:00 local, outside the working day: no 'due soon', at due time only",
        dueAt: "2026-03-03T06:00:00.000Z",
        expected: [["task-due", "2026-03-03T06:00:00.000Z"]],
      },
      {
        case: "due on Saturday: at due time only",
        dueAt: "2026-03-07T11:00:00.000Z",
        expected: [["task-due", "2026-03-07T11:00:00.000Z"]],
      },
      {
        case: "after the change to summer time (29 March) 09:00 is 07:00 UTC",
        dueAt: "2026-03-30T07:30:00.000Z",
        expected: [
          ["task-due-soon", "2026-03-30T07:00:00.000Z"],
          ["task-due", "2026-03-30T07:30:00.000Z"],
        ],
      },
    ])("$case", ({ dueAt, expected }) => {
      expect(kindsAndTimes(taskDeadlines(buildTask({ dueAt }), madrid, monday))).toEqual(expected);
    });

    it("moves a long lead time's 'due soon' out of the night to the start of the working day", () => {
      // 12 h before a task due at 10:00 would be 22:00 the night before: it comes at 09:00.
      const longLead = settingsWith({
        timeZone: "Europe/Madrid",
        durations: { taskDueSoonMinutes: 12 * 60 },
      });
      const task = buildTask({ dueAt: "2026-03-04T09:00:00.000Z" });
      expect(kindsAndTimes(taskDeadlines(task, longLead, monday))).toEqual([
        ["task-due-soon", "2026-03-04T08:00:00.000Z"],
        ["task-due", "2026-03-04T09:00:00.000Z"],
      ]);
    });

    it("follows the tenant's own working week and the person's zone when given", () => {
      const weekends = settingsWith({
        workingHours: { days: [6, 7], start: "10:00", end: "14:00" },
        durations: { taskDueSoonMinutes: 24 * 60 },
      });
      // Due Sunday 11:00 in Mexico City (UTC-6); a day before is Saturday 11:00, working time.
      const task = buildTask({ dueAt: "2026-03-08T17:00:00.000Z" });
      expect(kindsAndTimes(taskDeadlines(task, weekends, monday, "America/Mexico_City"))).toEqual([
        ["task-due-soon", "2026-03-07T17:00:00.000Z"],
        ["task-due", "2026-03-08T17:00:00.000Z"],
      ]);
      // The same task read in Madrid is due at 18:00, after the working day: no 'due soon'.
      expect(kindsAndTimes(taskDeadlines(task, weekends, monday, "Europe/Madrid"))).toEqual([
        ["task-due", "2026-03-08T17:00:00.000Z"],
      ]);
    });
  });
});
