import { describe, expect, it } from "vitest";
import {
  buildOpportunity,
  changesOf,
  codeOf,
  createdTasks,
  manager,
  seller,
} from "../shared/builders.test-support.js";
import { record } from "./first-contact.test-support.js";
import type { FirstContactChoice } from "./first-contact-choice.js";

describe("recordFirstContact: every action", () => {
  const actions: FirstContactChoice[] = [
    { action: "ready-for-proposal" },
    { action: "second-contact" },
    { action: "discard", reason: "duplicate" },
  ];

  it.each(actions)("stops the first-contact clocks exactly on $action", (choice) => {
    const opportunity = buildOpportunity();

    const result = record(choice, { opportunity });

    expect(result.cancel.slice(0, 2)).toEqual(opportunity.deadlines);
    expect(result.value.deadlines.filter((ref) => ref.kind.startsWith("first-contact"))).toEqual(
      [],
    );
  });

  it.each(actions)("writes the opportunity with the version it read on $action", (choice) => {
    const opportunity = buildOpportunity({ version: "etag-42" });

    const [change] = changesOf(record(choice, { opportunity }), "opportunity");

    expect(change?.before).toBe(opportunity);
  });

  it.each(actions)(
    "refuses $action on an opportunity no longer waiting for first contact",
    (choice) => {
      const done = buildOpportunity({
        firstContact: {
          state: "done",
          recordedAt: "2026-03-01T09:00:00.000Z",
          action: "ready-for-proposal",
          secondContactDueAt: null,
        },
      });

      expect(codeOf(() => record(choice, { opportunity: done }))).toBe("invalid-state");
    },
  );

  it("refuses an action on a discarded opportunity", () => {
    const discarded = buildOpportunity({ status: "discarded" });

    expect(codeOf(() => record({ action: "second-contact" }, { opportunity: discarded }))).toBe(
      "invalid-state",
    );
  });

  it("hides another seller's opportunity as not found", () => {
    expect(codeOf(() => record({ action: "second-contact" }, { actor: seller("seller-2") }))).toBe(
      "not-found",
    );
  });

  it("lets a follower read but not record", () => {
    const opportunity = buildOpportunity({ followers: ["seller-2"] });

    expect(
      codeOf(() =>
        record({ action: "second-contact" }, { opportunity, actor: seller("seller-2") }),
      ),
    ).toBe("forbidden");
  });

  it("lets a manager record, leaving the task with the owner", () => {
    const result = record({ action: "second-contact" }, { actor: manager() });

    expect(createdTasks(result)[0]?.ownerId).toBe("seller-1");
  });

  it("gives the task to the acting manager when the opportunity is unassigned", () => {
    const opportunity = buildOpportunity({ ownerId: null });

    const result = record({ action: "ready-for-proposal" }, { opportunity, actor: manager() });

    expect(createdTasks(result)[0]?.ownerId).toBe("manager-1");
  });

  it("refuses to plan a task for nobody, but can still discard an unassigned opportunity", () => {
    const opportunity = buildOpportunity({ ownerId: null });

    expect(codeOf(() => record({ action: "second-contact" }, { opportunity, actor: null }))).toBe(
      "invalid-state",
    );
    expect(
      record({ action: "discard", reason: "spam" }, { opportunity, actor: null }).value.status,
    ).toBe("discarded");
  });
});
