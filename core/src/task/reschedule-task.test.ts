import { describe, expect, it } from "vitest";
import {
  activitiesOf,
  buildOpportunity,
  buildTask,
  changesOf,
  codeOf,
  contextFor,
  pathsOf,
  seller,
} from "../shared/builders.test-support.js";
import { type RescheduleTaskInput, rescheduleTask } from "./reschedule-task.js";

const reschedule = (overrides: Partial<RescheduleTaskInput> = {}, ctx = contextFor(seller())) =>
  rescheduleTask(
    {
      task: buildTask(),
      opportunity: buildOpportunity(),
      dueAt: "2026-03-03T12:00:00Z",
      ...overrides,
    },
    ctx,
  );

describe("rescheduleTask", () => {
  it("stops the old reminders and starts new ones for the new due time", () => {
    const task = buildTask();

    const result = reschedule({ task });

    expect(result.cancel).toEqual(task.deadlines);
    expect(result.schedule.map((d) => [d.kind, d.dueAt, d.expect])).toEqual([
      ["task-due-soon", "2026-03-03T11:00:00.000Z", "2026-03-03T12:00:00.000Z"],
      ["task-due", "2026-03-03T12:00:00.000Z", "2026-03-03T12:00:00.000Z"],
    ]);
    expect(result.value).toMatchObject({ dueAt: "2026-03-03T12:00:00.000Z" });
    expect(result.value.deadlines.map((ref) => ref.id)).toEqual(result.schedule.map((d) => d.id));
  });

  it("writes the task with the version it read and timelines the move", () => {
    const task = buildTask({ version: "etag-9" });

    const result = reschedule({ task });

    expect(changesOf(result, "task")[0]?.before).toBe(task);
    expect(activitiesOf(result)).toEqual([
      expect.objectContaining({
        type: "task-rescheduled",
        taskId: "task-1",
        from: task.dueAt,
        to: "2026-03-03T12:00:00.000Z",
      }),
    ]);
  });

  it("changes nothing when the due time is the same instant", () => {
    const result = reschedule({ dueAt: "2026-03-02T13:00:00+01:00" });

    expect(result).toMatchObject({ changes: [], schedule: [], cancel: [] });
  });

  it("keeps the second-contact queue in order when its task moves", () => {
    const opportunity = buildOpportunity({
      stage: "second-contact",
      firstContact: {
        state: "second-contact",
        recordedAt: "2026-03-01T09:00:00.000Z",
        action: "second-contact",
        secondContactDueAt: "2026-03-02T12:00:00.000Z",
      },
    });
    const task = buildTask({ kind: "second-contact", origin: "second-contact" });

    const result = reschedule({ task, opportunity });

    expect(changesOf(result, "opportunity")).toEqual([
      {
        entity: "opportunity",
        before: opportunity,
        after: expect.objectContaining({
          firstContact: expect.objectContaining({ secondContactDueAt: "2026-03-03T12:00:00.000Z" }),
        }),
      },
    ]);
  });

  it("leaves the opportunity alone for any other task", () => {
    expect(changesOf(reschedule(), "opportunity")).toEqual([]);
  });

  it("refuses a task that is no longer open", () => {
    expect(codeOf(() => reschedule({ task: buildTask({ status: "done" }) }))).toBe("invalid-state");
  });

  it("refuses a time without an offset, naming the field", () => {
    expect(pathsOf(() => reschedule({ dueAt: "2026-03-03T12:00:00" }))).toEqual(["dueAt"]);
  });

  it("hides another seller's task as not found", () => {
    expect(codeOf(() => reschedule({}, contextFor(seller("seller-2"))))).toBe("not-found");
  });
});
