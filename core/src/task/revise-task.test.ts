import { describe, expect, it } from "vitest";
import {
  buildOpportunity,
  buildTask,
  codeOf,
  contextFor,
  manager,
  pathsOf,
  seller,
} from "../shared/builders.test-support.js";
import { type ReviseTaskInput, reviseTask } from "./revise-task.js";

const revise = (changes: Partial<ReviseTaskInput>, ctx = contextFor(seller())) =>
  reviseTask({ task: buildTask(), opportunity: buildOpportunity(), ...changes }, ctx);

describe("reviseTask", () => {
  it("renames the task for its owner and keeps its reminders", () => {
    const result = revise({ title: "  Call Ana about the budget " });
    expect(result.value).toMatchObject({ title: "Call Ana about the budget", ownerId: "seller-1" });
    expect(result.value.deadlines).toEqual(buildTask().deadlines);
    expect(result.changes).toEqual([{ entity: "task", before: buildTask(), after: result.value }]);
    expect(result.cancel).toEqual([]);
  });

  it("lets a manager give the task to another seller", () => {
    const result = revise({ ownerId: "seller-2" }, contextFor(manager()));
    expect(result.value.ownerId).toBe("seller-2");
  });

  it("refuses a seller giving their task to someone else", () => {
    expect(codeOf(() => revise({ ownerId: "seller-2" }))).toBe("forbidden");
  });

  it("refuses a blank title, naming the field", () => {
    expect(pathsOf(() => revise({ title: "   " }))).toEqual(["title"]);
  });

  it("writes nothing when nothing changes", () => {
    const result = revise({ title: buildTask().title, ownerId: "seller-1" });
    expect(result.changes).toEqual([]);
  });

  it("refuses a task that is already done", () => {
    expect(codeOf(() => revise({ task: buildTask({ status: "done" }), title: "x" }))).toBe(
      "invalid-state",
    );
  });

  it("hides another seller's task as not found", () => {
    expect(codeOf(() => revise({ title: "x" }, contextFor(seller("seller-2"))))).toBe("not-found");
  });
});
