import { describe, expect, it } from "vitest";
import type { Classification } from "../contact/contact.types.js";
import {
  activitiesOf,
  buildContact,
  buildOpportunity,
  buildTask,
  codeOf,
  contextFor,
  createdTasks,
  daysFromNow,
  manager,
  NOW,
  pathsOf,
  seller,
  settingsWith,
  updatedTasks,
  written,
} from "../shared/builders.test-support.js";
import { type SetClassificationInput, setClassification } from "./set-classification.js";

const classify = (overrides: Partial<SetClassificationInput> = {}, ctx = contextFor(seller())) =>
  setClassification(
    {
      contact: buildContact({ tags: ["vip"] }),
      classification: "promising",
      opportunity: buildOpportunity(),
      openTasks: [],
      ...overrides,
    },
    ctx,
  );

const earlierFollowUp = buildTask({
  id: "task-earlier",
  kind: "follow-up",
  origin: "classification",
  dueAt: "2026-03-20T09:00:00.000Z",
  deadlines: [
    { id: "task-due~task-earlier~1", kind: "task-due", dueAt: "2026-03-20T09:00:00.000Z" },
  ],
});

describe("setClassification", () => {
  it.each<{ classification: Classification; days: number }>([
    { classification: "potential-consultant", days: 7 },
    { classification: "promising", days: 14 },
    { classification: "likely", days: 30 },
    { classification: "undecided", days: 60 },
  ])(
    "sets $classification with its tag and a follow-up in $days days",
    ({ classification, days }) => {
      const result = classify({ classification });

      expect(written(result, "contact")).toEqual([
        expect.objectContaining({
          classification,
          tags: ["vip", classification],
          updatedAt: NOW.toISOString(),
        }),
      ]);
      expect(createdTasks(result)).toEqual([
        expect.objectContaining({
          kind: "follow-up",
          origin: "classification",
          dueAt: daysFromNow(days),
          ownerId: "seller-1",
          opportunityId: "opp-1",
          contactId: "contact-ana",
        }),
      ]);
    },
  );

  it("honours the tenant's follow-up days", () => {
    const settings = settingsWith({ durations: { classificationFollowUpDays: { likely: 5 } } });

    const result = classify({ classification: "likely" }, contextFor(seller(), { settings }));

    expect(result.value.followUp?.dueAt).toBe(daysFromNow(5));
  });

  it("replaces an open follow-up of an earlier classification instead of adding a second", () => {
    const result = classify({ classification: "likely", openTasks: [earlierFollowUp] });

    expect(updatedTasks(result)).toEqual([
      expect.objectContaining({ id: "task-earlier", status: "cancelled", deadlines: [] }),
    ]);
    expect(result.cancel).toEqual(earlierFollowUp.deadlines);
    expect(createdTasks(result)).toHaveLength(1);
  });

  it("replaces the follow-up even when the classification stays the same", () => {
    const contact = buildContact({ classification: "likely", tags: ["likely"] });

    const result = classify({ contact, classification: "likely", openTasks: [earlierFollowUp] });

    expect(written(result, "contact")).toEqual([]);
    expect(updatedTasks(result).map((t) => t.status)).toEqual(["cancelled"]);
    expect(result.value.followUp?.dueAt).toBe(daysFromNow(30));
  });

  it("leaves other open tasks of the contact alone", () => {
    const notSure = buildTask({ id: "task-not-sure", kind: "follow-up", origin: "not-sure-yet" });
    const otherContact = buildTask({
      id: "task-zoe",
      origin: "classification",
      contactId: "contact-zoe",
    });

    const result = classify({ openTasks: [notSure, otherContact] });

    expect(updatedTasks(result)).toEqual([]);
  });

  it("clears the classification and its tag and cancels the open classification follow-up", () => {
    const contact = buildContact({ classification: "promising", tags: ["promising", "vip"] });

    const result = classify({ contact, classification: null, openTasks: [earlierFollowUp] });

    expect(written(result, "contact")).toEqual([
      expect.objectContaining({ classification: null, tags: ["vip"] }),
    ]);
    expect(updatedTasks(result).map((t) => [t.id, t.status])).toEqual([
      ["task-earlier", "cancelled"],
    ]);
    expect(createdTasks(result)).toEqual([]);
    expect(activitiesOf(result)).toContainEqual(
      expect.objectContaining({ type: "classification", from: "promising", to: null }),
    );
  });

  it("gives the follow-up to the opportunity's owner when a manager classifies", () => {
    expect(classify({}, contextFor(manager())).value.followUp?.ownerId).toBe("seller-1");
  });

  it("from a profile with no opportunity, keeps the replaced follow-up's owner", () => {
    const theirs = { ...earlierFollowUp, ownerId: "seller-2", opportunityId: null };

    const result = classify({ opportunity: null, openTasks: [theirs] }, contextFor(manager()));

    expect(result.value.followUp).toMatchObject({ ownerId: "seller-2", opportunityId: null });
    expect(activitiesOf(result).filter((a) => a.type === "classification")).toEqual([]);
  });

  it.each([
    { who: "another seller", actor: seller("seller-2") },
    { who: "the seller who owns the follow-up", actor: seller("seller-1") },
  ])("refuses $who clearing it from a profile with no opportunity", ({ actor }) => {
    const contact = buildContact({ classification: "promising", tags: ["promising"] });
    const input = {
      contact,
      classification: null,
      opportunity: null,
      openTasks: [earlierFollowUp],
    };

    expect(codeOf(() => classify(input, contextFor(actor)))).toBe("forbidden");
  });

  it("lets the system set it from a profile with no opportunity", () => {
    const theirs = { ...earlierFollowUp, opportunityId: null };

    const result = classify({ opportunity: null, openTasks: [theirs] }, contextFor(null));

    expect(updatedTasks(result).map((t) => [t.id, t.status])).toEqual([
      ["task-earlier", "cancelled"],
    ]);
    expect(result.value.followUp?.ownerId).toBe("seller-1");
  });

  it("leaves another seller's classification follow-up alone and schedules the owner's own", () => {
    const theirs = { ...earlierFollowUp, ownerId: "seller-2", opportunityId: "opp-2" };

    const result = classify({ classification: "likely", openTasks: [theirs] });

    expect(updatedTasks(result)).toEqual([]);
    expect(result.cancel).toEqual([]);
    expect(createdTasks(result)).toEqual([
      expect.objectContaining({ ownerId: "seller-1", opportunityId: "opp-1" }),
    ]);
  });

  it("lets a manager replace another seller's classification follow-up", () => {
    const theirs = { ...earlierFollowUp, ownerId: "seller-2", opportunityId: "opp-2" };

    const result = classify({ openTasks: [theirs] }, contextFor(manager()));

    expect(updatedTasks(result).map((t) => [t.id, t.status])).toEqual([
      ["task-earlier", "cancelled"],
    ]);
  });

  it("refuses an unknown classification, naming the field", () => {
    const classification = "lukewarm" as Classification;

    expect(pathsOf(() => classify({ classification }))).toEqual(["classification"]);
  });

  it("refuses an opportunity the contact has no role in", () => {
    const contact = buildContact({ id: "contact-zoe" });

    expect(pathsOf(() => classify({ contact }))).toEqual(["opportunity"]);
  });

  it("refuses a follower and hides the opportunity from other sellers", () => {
    const followed = buildOpportunity({ followers: ["seller-2"] });

    expect(codeOf(() => classify({ opportunity: followed }, contextFor(seller("seller-2"))))).toBe(
      "forbidden",
    );
    expect(codeOf(() => classify({}, contextFor(seller("seller-3"))))).toBe("not-found");
  });
});
