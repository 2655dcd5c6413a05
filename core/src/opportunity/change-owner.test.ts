import { describe, expect, it } from "vitest";
import {
  activitiesOf,
  buildOpportunity,
  buildTask,
  changesOf,
  codeOf,
  contextFor,
  manager,
  NOW,
  pathsOf,
  seller,
  updatedTasks,
} from "../shared/builders.test-support.js";
import { type ChangeOwnerInput, changeOwner } from "./change-owner.js";

const reassign = (overrides: Partial<ChangeOwnerInput> = {}, ctx = contextFor(manager())) =>
  changeOwner(
    { opportunity: buildOpportunity(), ownerId: "seller-2", openTasks: [], ...overrides },
    ctx,
  );

describe("changeOwner", () => {
  it("gives the opportunity to the new owner and timelines who had it", () => {
    const opportunity = buildOpportunity();

    const result = reassign({ opportunity });

    expect(result.value).toMatchObject({ ownerId: "seller-2", updatedAt: NOW.toISOString() });
    expect(changesOf(result, "opportunity")[0]?.before).toBe(opportunity);
    expect(activitiesOf(result)).toEqual([
      expect.objectContaining({
        type: "owner-changed",
        from: "seller-1",
        to: "seller-2",
        actorId: "manager-1",
      }),
    ]);
  });

  it("moves the previous owner's open tasks on this opportunity to the new owner", () => {
    const mine = buildTask({ id: "task-mine" });
    const helper = buildTask({ id: "task-helper", ownerId: "seller-9" });
    const elsewhere = buildTask({ id: "task-elsewhere", opportunityId: "opp-2" });

    const result = reassign({ openTasks: [mine, helper, elsewhere] });

    expect(updatedTasks(result).map((t) => [t.id, t.ownerId])).toEqual([["task-mine", "seller-2"]]);
    expect(result.schedule).toEqual([]);
    expect(result.cancel).toEqual([]);
  });

  it("timelines the hand-over once, not once per moved task", () => {
    const tasks = ["task-a", "task-b", "task-c"].map((id) => buildTask({ id }));

    const result = reassign({ openTasks: tasks });

    expect(updatedTasks(result)).toHaveLength(3);
    expect(activitiesOf(result).map((a) => a.type)).toEqual(["owner-changed"]);
  });

  it("changes nothing when given to its current owner", () => {
    expect(reassign({ ownerId: "seller-1", openTasks: [buildTask()] })).toMatchObject({
      changes: [],
    });
  });

  it("claims an unassigned opportunity", () => {
    const result = reassign({ opportunity: buildOpportunity({ ownerId: null }) });

    expect(activitiesOf(result)).toEqual([expect.objectContaining({ from: null, to: "seller-2" })]);
  });

  it("lets the owner hand it over, but not a follower or another seller", () => {
    const followed = buildOpportunity({ followers: ["seller-3"] });

    expect(reassign({}, contextFor(seller("seller-1"))).value.ownerId).toBe("seller-2");
    expect(codeOf(() => reassign({ opportunity: followed }, contextFor(seller("seller-3"))))).toBe(
      "forbidden",
    );
    expect(codeOf(() => reassign({}, contextFor(seller("seller-3"))))).toBe("not-found");
  });

  it("requires the new owner, naming the field", () => {
    expect(pathsOf(() => reassign({ ownerId: " " }))).toEqual(["ownerId"]);
  });
});
