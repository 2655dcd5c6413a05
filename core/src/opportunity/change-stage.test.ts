import { describe, expect, it } from "vitest";
import {
  activitiesOf,
  buildOpportunity,
  codeOf,
  contextFor,
  manager,
  NOW,
  pathsOf,
  seller,
} from "../shared/builders.test-support.js";
import { changeStage } from "./change-stage.js";
import type { Opportunity } from "./opportunity.types.js";

const move = (
  stageId: string,
  opportunity: Opportunity = buildOpportunity(),
  ctx = contextFor(seller()),
) => changeStage({ opportunity, stageId }, ctx);

const discarded = () =>
  buildOpportunity({
    status: "discarded",
    closedAt: "2026-03-01T09:00:00.000Z",
    discard: { reason: "no-budget", text: null, at: "2026-03-01T09:00:00.000Z", by: "seller-1" },
    deadlines: [],
  });

describe("changeStage", () => {
  it("moves to another open stage and timelines it", () => {
    const result = move("negotiation");

    expect(result.value).toMatchObject({
      stage: "negotiation",
      status: "open",
      updatedAt: NOW.toISOString(),
    });
    expect(activitiesOf(result)).toEqual([
      expect.objectContaining({ type: "stage-changed", from: "new", to: "negotiation" }),
    ]);
  });

  it.each([
    { stageId: "won", status: "won" },
    { stageId: "lost", status: "lost" },
  ])("closes the opportunity as $status on the $stageId stage", ({ stageId, status }) => {
    const result = move(stageId);

    expect(result.value).toMatchObject({ status, closedAt: NOW.toISOString() });
  });

  it("stops the first-contact clocks when it closes", () => {
    const opportunity = buildOpportunity();

    const result = move("won", opportunity);

    expect(result.cancel).toEqual(opportunity.deadlines);
    expect(result.value.deadlines).toEqual([]);
  });

  it.each<{ waiting: Opportunity["firstContact"] }>([
    {
      waiting: { state: "awaiting", recordedAt: null, action: null, secondContactDueAt: null },
    },
    {
      waiting: {
        state: "second-contact",
        recordedAt: "2026-03-01T09:00:00.000Z",
        action: "second-contact",
        secondContactDueAt: "2026-03-03T09:00:00.000Z",
      },
    },
  ])(
    "takes an opportunity closed while $waiting.state out of the contact queues, also when reopened",
    ({ waiting }) => {
      const closed = move("lost", buildOpportunity({ firstContact: waiting })).value;
      const reopened = move("new", closed).value;

      // No contact is recorded by closing: recordedAt and action stay as they were.
      const leftTheQueue = { ...waiting, state: "done", secondContactDueAt: null };
      expect(closed.firstContact).toEqual(leftTheQueue);
      expect(reopened).toMatchObject({ status: "open", firstContact: leftTheQueue });
    },
  );

  it("keeps a recorded first contact as it was when it closes", () => {
    const firstContact = {
      state: "done" as const,
      recordedAt: "2026-03-01T09:00:00.000Z",
      action: "ready-for-proposal" as const,
      secondContactDueAt: null,
    };

    const result = move("won", buildOpportunity({ firstContact, deadlines: [] }));

    expect(result.value.firstContact).toEqual(firstContact);
  });

  it("reopens a lost opportunity moved back to an open stage", () => {
    const lost = buildOpportunity({
      stage: "lost",
      status: "lost",
      closedAt: "2026-03-01T09:00:00.000Z",
    });

    expect(move("proposal", lost).value).toMatchObject({ status: "open", closedAt: null });
  });

  it("reopens a discarded opportunity, even into the stage it was discarded from", () => {
    const result = move("new", discarded());

    expect(result.value).toMatchObject({
      stage: "new",
      status: "open",
      closedAt: null,
      discard: null,
    });
    expect(activitiesOf(result)).toEqual([
      expect.objectContaining({ type: "stage-changed", from: "new", to: "new" }),
    ]);
  });

  it("changes nothing when moved to the stage it is in", () => {
    const opportunity = buildOpportunity({ stage: "proposal" });

    expect(move("proposal", opportunity)).toEqual({
      value: opportunity,
      changes: [],
      schedule: [],
      cancel: [],
    });
  });

  it("refuses a stage of no pipeline of the opportunity, naming the field", () => {
    expect(pathsOf(() => move("limbo"))).toEqual(["stageId"]);
  });

  it("lets a manager move it, but not a follower or another seller", () => {
    const followed = buildOpportunity({ followers: ["seller-2"] });

    expect(move("won", buildOpportunity(), contextFor(manager())).value.status).toBe("won");
    expect(codeOf(() => move("won", followed, contextFor(seller("seller-2"))))).toBe("forbidden");
    expect(codeOf(() => move("won", buildOpportunity(), contextFor(seller("seller-2"))))).toBe(
      "not-found",
    );
  });

  it("keeps why a deal was lost on its timeline, and takes a reason only for a lost stage", () => {
    const opportunity = buildOpportunity({ stage: "proposal" });
    const lost = changeStage(
      { opportunity, stageId: "lost", reason: "  Chose a cheaper agency " },
      contextFor(seller()),
    );
    expect(lost.value.status).toBe("lost");
    expect(activitiesOf(lost)).toEqual([
      expect.objectContaining({
        type: "stage-changed",
        to: "lost",
        reason: "Chose a cheaper agency",
      }),
    ]);
    expect(
      pathsOf(() =>
        changeStage({ opportunity, stageId: "won", reason: "Because" }, contextFor(seller())),
      ),
    ).toEqual(["reason"]);
    const won = changeStage({ opportunity, stageId: "won" }, contextFor(seller()));
    expect(activitiesOf(won)[0]).not.toHaveProperty("reason");
  });
});
