import { describe, expect, it } from "vitest";
import {
  activitiesOf,
  createdTasks,
  NOW,
  pathsOf,
  settingsWith,
  updatedTasks,
} from "../shared/builders.test-support.js";
import { inSecondContact, record, secondContactTask } from "./first-contact.test-support.js";

describe("recordFirstContact: second contact", () => {
  it("creates a second-contact task due in 24 hours by default", () => {
    const result = record({ action: "second-contact" });

    expect(createdTasks(result)).toEqual([
      expect.objectContaining({
        kind: "second-contact",
        origin: "second-contact",
        dueAt: "2026-03-03T09:00:00.000Z",
      }),
    ]);
    expect(result.value).toMatchObject({
      stage: "second-contact",
      firstContact: {
        state: "second-contact",
        action: "second-contact",
        secondContactDueAt: "2026-03-03T09:00:00.000Z",
      },
    });
  });

  it.each([
    { delayHours: 24, dueAt: "2026-03-03T09:00:00.000Z" },
    { delayHours: 48, dueAt: "2026-03-04T09:00:00.000Z" },
    { delayHours: 72, dueAt: "2026-03-05T09:00:00.000Z" },
    { delayHours: 1, dueAt: "2026-03-02T10:00:00.000Z" },
    { delayHours: 336, dueAt: "2026-03-16T09:00:00.000Z" },
  ])(
    "schedules the second contact $delayHours hours ahead when chosen",
    ({ delayHours, dueAt }) => {
      const result = record({ action: "second-contact", delayHours });

      expect(createdTasks(result)[0]?.dueAt).toBe(dueAt);
      expect(result.value.firstContact.secondContactDueAt).toBe(dueAt);
    },
  );

  it("uses the tenant's default delay when none is chosen", () => {
    const settings = settingsWith({ durations: { secondContactDelayMinutes: 48 * 60 } });

    const result = record({ action: "second-contact" }, { settings });

    expect(createdTasks(result)[0]?.dueAt).toBe("2026-03-04T09:00:00.000Z");
  });

  it.each([0.5, 337, Number.NaN])("refuses a delay of %s hours, naming the field", (delayHours) => {
    expect(pathsOf(() => record({ action: "second-contact", delayHours }))).toEqual(["delayHours"]);
  });

  it("completes the open second-contact task and plans a new one when not reached again", () => {
    const result = record(
      { action: "second-contact", delayHours: 48 },
      { opportunity: inSecondContact(), openTasks: [secondContactTask] },
    );

    expect(updatedTasks(result)).toEqual([
      expect.objectContaining({
        id: "task-second",
        status: "done",
        completedAt: NOW.toISOString(),
        deadlines: [],
      }),
    ]);
    expect(result.cancel).toEqual(secondContactTask.deadlines);
    expect(createdTasks(result)).toHaveLength(1);
  });

  it("timelines the attempt once, not once per completed attempt task", () => {
    const result = record(
      { action: "second-contact" },
      { opportunity: inSecondContact(), openTasks: [secondContactTask] },
    );

    expect(activitiesOf(result).map((a) => a.type)).toEqual(["first-contact", "task-created"]);
  });

  it("keeps the time of the first attempt when a later attempt is recorded", () => {
    const result = record({ action: "ready-for-proposal" }, { opportunity: inSecondContact() });

    expect(result.value.firstContact).toMatchObject({
      state: "done",
      recordedAt: "2026-03-01T09:00:00.000Z",
      action: "ready-for-proposal",
      secondContactDueAt: null,
    });
  });
});
