import { describe, expect, it } from "vitest";
import {
  activitiesOf,
  buildTask,
  createdTasks,
  NOW,
  pathsOf,
  settingsWith,
  updatedTasks,
} from "../shared/builders.test-support.js";
import { inSecondContact, record, secondContactTask } from "./first-contact.test-support.js";

describe("recordFirstContact: discard", () => {
  it("discards the opportunity with the reason, who and when", () => {
    const result = record({ action: "discard", reason: "no-budget" });

    expect(result.value).toMatchObject({
      status: "discarded",
      closedAt: NOW.toISOString(),
      discard: { reason: "no-budget", text: null, at: NOW.toISOString(), by: "seller-1" },
      firstContact: { state: "done", action: "discard" },
    });
    expect(activitiesOf(result)).toEqual([
      expect.objectContaining({ type: "first-contact", action: "discard", reason: "no-budget" }),
    ]);
    expect(createdTasks(result)).toEqual([]);
  });

  it("cancels every open task of the opportunity and their reminders, and no one else's", () => {
    const call = buildTask({ id: "task-call" });
    const elsewhere = buildTask({ id: "task-other-opp", opportunityId: "opp-2" });
    const done = buildTask({ id: "task-done", status: "done" });

    const result = record(
      { action: "discard", reason: "spam" },
      { opportunity: inSecondContact(), openTasks: [secondContactTask, call, elsewhere, done] },
    );

    expect(updatedTasks(result).map((t) => [t.id, t.status])).toEqual([
      ["task-second", "cancelled"],
      ["task-call", "cancelled"],
    ]);
    expect(result.cancel).toEqual([...secondContactTask.deadlines, ...call.deadlines]);
  });

  it("timelines the discard once, not once per cancelled task", () => {
    const tasks = [secondContactTask, buildTask({ id: "task-call" }), buildTask({ id: "task-3" })];

    const result = record(
      { action: "discard", reason: "spam" },
      { opportunity: inSecondContact(), openTasks: tasks },
    );

    expect(updatedTasks(result)).toHaveLength(3);
    expect(activitiesOf(result).map((a) => a.type)).toEqual(["first-contact"]);
  });

  it("requires a text when the reason is other", () => {
    expect(pathsOf(() => record({ action: "discard", reason: "other" }))).toEqual(["text"]);
    expect(
      record({ action: "discard", reason: "other", text: "Moved abroad" }).value.discard?.text,
    ).toBe("Moved abroad");
  });

  it("accepts only the tenant's configured reasons", () => {
    const settings = settingsWith({ discardReasons: [{ id: "too-small", label: "Too small" }] });

    expect(pathsOf(() => record({ action: "discard", reason: "no-budget" }, { settings }))).toEqual(
      ["reason"],
    );
    expect(record({ action: "discard", reason: "too-small" }, { settings }).value.status).toBe(
      "discarded",
    );
  });
});
