import { describe, expect, it } from "vitest";
import {
  activitiesOf,
  buildOpportunity,
  buildTask,
  codeOf,
  contextFor,
  manager,
  seller,
} from "../shared/builders.test-support.js";
import { cancelTask } from "./cancel-task.js";

describe("cancelTask", () => {
  it("cancels the task, stops its reminders and timelines it", () => {
    const task = buildTask();

    const result = cancelTask({ task, opportunity: buildOpportunity() }, contextFor(seller()));

    expect(result.value).toMatchObject({
      status: "cancelled",
      outcome: null,
      completedAt: null,
      deadlines: [],
    });
    expect(result.changes[0]).toEqual({ entity: "task", before: task, after: result.value });
    expect(result.cancel).toEqual(task.deadlines);
    expect(activitiesOf(result)).toEqual([
      expect.objectContaining({ type: "task-cancelled", taskId: "task-1" }),
    ]);
  });

  it("refuses a task already done", () => {
    const task = buildTask({ status: "done" });

    expect(
      codeOf(() => cancelTask({ task, opportunity: buildOpportunity() }, contextFor(seller()))),
    ).toBe("invalid-state");
  });

  it("lets a manager cancel a seller's task", () => {
    const result = cancelTask(
      { task: buildTask(), opportunity: buildOpportunity() },
      contextFor(manager()),
    );

    expect(result.value.status).toBe("cancelled");
  });

  it("refuses a follower who does not own the task", () => {
    const opportunity = buildOpportunity({ followers: ["seller-2"] });

    expect(
      codeOf(() => cancelTask({ task: buildTask(), opportunity }, contextFor(seller("seller-2")))),
    ).toBe("forbidden");
  });
});
