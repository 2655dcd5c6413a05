import { describe, expect, it } from "vitest";
import {
  buildContact,
  buildOpportunity,
  buildTask,
  codeOf,
  contextFor,
  manager,
  seller,
} from "../shared/builders.test-support.js";
import { type CompleteTaskInput, completeTask } from "./complete-task.js";

const complete = (overrides: Partial<CompleteTaskInput> = {}, ctx = contextFor(seller())) =>
  completeTask(
    {
      task: buildTask(),
      outcome: null,
      contact: buildContact(),
      opportunity: buildOpportunity(),
      ...overrides,
    },
    ctx,
  );

describe("completeTask: who may", () => {
  it("lets the task's owner complete it", () => {
    expect(complete({}, contextFor(seller("seller-1"))).value.task.status).toBe("done");
  });

  it("lets a seller complete a task they own on an opportunity they do not", () => {
    const task = buildTask({ ownerId: "seller-2" });

    expect(complete({ task }, contextFor(seller("seller-2"))).value.task.status).toBe("done");
  });

  it("lets the opportunity's owner complete a colleague's task on it", () => {
    const task = buildTask({ ownerId: "seller-2" });

    expect(complete({ task }, contextFor(seller("seller-1"))).value.task.status).toBe("done");
  });

  it("hides another seller's task as not found", () => {
    expect(codeOf(() => complete({}, contextFor(seller("seller-2"))))).toBe("not-found");
  });

  it("refuses a follower who does not own the task", () => {
    const opportunity = buildOpportunity({ followers: ["seller-2"] });

    expect(codeOf(() => complete({ opportunity }, contextFor(seller("seller-2"))))).toBe(
      "forbidden",
    );
  });

  it("lets a manager complete anyone's personal task, but not another seller", () => {
    const task = buildTask({ opportunityId: null });

    expect(complete({ task, opportunity: null }, contextFor(manager())).value.task.status).toBe(
      "done",
    );
    expect(
      codeOf(() => complete({ task, opportunity: null }, contextFor(seller("seller-2")))),
    ).toBe("not-found");
  });

  it("refuses a task given without its own opportunity", () => {
    expect(codeOf(() => complete({ opportunity: buildOpportunity({ id: "opp-2" }) }))).toBe(
      "invalid-state",
    );
  });
});
