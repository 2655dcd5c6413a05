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
import { buildMarketplaceApplication } from "../shared/fixtures.test-support.js";
import { type CompleteTaskInput, completeTask } from "./complete-task.js";
import type { TaskOutcome } from "./task.types.js";

const complete = (overrides: Partial<CompleteTaskInput> = {}, ctx = contextFor(seller())) =>
  completeTask(
    {
      task: buildTask(),
      outcome: null,
      contact: buildContact({ tags: ["vip", "likely"], classification: "likely" }),
      opportunity: buildOpportunity(),
      ...overrides,
    },
    ctx,
  );

describe("completeTask: SPEC §4.3 outcomes", () => {
  const unclassified = () => buildContact({ tags: ["vip"], classification: null });

  it.each<{
    outcome: TaskOutcome | null;
    effect: string;
    contact: { classification: Classification; tags: string[] } | "unchanged";
    followUp: { days: number; origin: string } | null;
  }>([
    {
      outcome: "potential-consultant",
      effect: "tags potential-consultant and follows up in 7 days",
      contact: { classification: "potential-consultant", tags: ["vip", "potential-consultant"] },
      followUp: { days: 7, origin: "classification" },
    },
    {
      outcome: "promising",
      effect: "tags promising and follows up in 14 days",
      contact: { classification: "promising", tags: ["vip", "promising"] },
      followUp: { days: 14, origin: "classification" },
    },
    {
      outcome: "likely",
      effect: "tags likely and follows up in 30 days",
      contact: { classification: "likely", tags: ["vip", "likely"] },
      followUp: { days: 30, origin: "classification" },
    },
    {
      outcome: "undecided",
      effect: "tags undecided and follows up in 60 days",
      contact: { classification: "undecided", tags: ["vip", "undecided"] },
      followUp: { days: 60, origin: "classification" },
    },
    {
      outcome: "not-sure-yet",
      effect: "keeps the classification and follows up in 14 days",
      contact: "unchanged",
      followUp: { days: 14, origin: "not-sure-yet" },
    },
    {
      outcome: "not-interested",
      effect: "changes nothing else",
      contact: "unchanged",
      followUp: null,
    },
    { outcome: null, effect: "only completes the task", contact: "unchanged", followUp: null },
  ])("completing with $outcome $effect", ({ outcome, contact, followUp }) => {
    const result = complete({ outcome, contact: unclassified() });

    expect(result.value.task).toMatchObject({
      status: "done",
      outcome,
      completedAt: NOW.toISOString(),
    });
    expect(written(result, "contact")).toEqual(
      contact === "unchanged" ? [] : [expect.objectContaining(contact)],
    );
    expect(createdTasks(result)).toEqual(
      followUp === null
        ? []
        : [
            expect.objectContaining({
              kind: "follow-up",
              origin: followUp.origin,
              dueAt: daysFromNow(followUp.days),
              ownerId: "seller-1",
              opportunityId: "opp-1",
              contactId: "contact-ana",
            }),
          ],
    );
    expect(result.value.followUp).toEqual(createdTasks(result)[0] ?? null);
  });

  it("leaves an existing classification as it is on not sure yet", () => {
    const result = complete({
      outcome: "not-sure-yet",
      contact: buildContact({ classification: "promising", tags: ["promising"] }),
    });

    expect(written(result, "contact")).toEqual([]);
    expect(activitiesOf(result).map((a) => a.type)).not.toContain("classification");
  });

  it.each<{ outcome: TaskOutcome; days: number }>([
    { outcome: "potential-consultant", days: 3 },
    { outcome: "promising", days: 10 },
    { outcome: "likely", days: 45 },
    { outcome: "undecided", days: 90 },
    { outcome: "not-sure-yet", days: 21 },
  ])("schedules the $outcome follow-up after the tenant's $days days", ({ outcome, days }) => {
    const settings = settingsWith({
      durations: {
        classificationFollowUpDays: {
          "potential-consultant": 3,
          promising: 10,
          likely: 45,
          undecided: 90,
        },
        notSureFollowUpDays: 21,
      },
    });

    const result = complete({ outcome }, contextFor(seller(), { settings }));

    expect(result.value.followUp?.dueAt).toBe(daysFromNow(days));
  });

  it("replaces the previous classification tag rather than adding a second", () => {
    const result = complete({
      outcome: "promising",
      contact: buildContact({ tags: ["undecided", "vip"], classification: "undecided" }),
    });

    expect(written(result, "contact")[0]?.tags).toEqual(["vip", "promising"]);
  });

  it("records the classification change on the timeline", () => {
    const result = complete({ outcome: "promising" });

    expect(activitiesOf(result)).toContainEqual(
      expect.objectContaining({
        type: "classification",
        contactId: "contact-ana",
        from: "likely",
        to: "promising",
      }),
    );
  });

  it("writes the contact with the version it read", () => {
    const contact = buildContact({ version: "etag-7" });

    const result = complete({ outcome: "promising", contact });

    expect(result.changes).toContainEqual({
      entity: "contact",
      before: contact,
      after: expect.objectContaining({ classification: "promising" }),
    });
  });

  it("gives the follow-up to the completed task's owner, even when a manager completes it", () => {
    const result = complete({ outcome: "promising" }, contextFor(manager()));

    expect(result.value.followUp?.ownerId).toBe("seller-1");
  });

  it("keeps exactly one open classification follow-up for the contact", () => {
    const earlier = buildTask({
      id: "task-earlier",
      kind: "follow-up",
      origin: "classification",
      dueAt: "2026-04-01T09:00:00.000Z",
    });
    const unrelated = buildTask({
      id: "task-unrelated",
      origin: "not-sure-yet",
      kind: "follow-up",
    });

    const result = complete({ outcome: "likely", openTasks: [buildTask(), earlier, unrelated] });

    expect(updatedTasks(result).map((t) => [t.id, t.status])).toEqual([
      ["task-1", "done"],
      ["task-earlier", "cancelled"],
    ]);
    expect(createdTasks(result)).toHaveLength(1);
    expect(result.cancel).toEqual([...buildTask().deadlines, ...earlier.deadlines]);
  });

  it("leaves another seller's classification follow-up for the contact alone", () => {
    const theirs = buildTask({
      id: "task-theirs",
      kind: "follow-up",
      origin: "classification",
      ownerId: "seller-2",
      opportunityId: "opp-2",
    });

    const result = complete({ outcome: "likely", openTasks: [theirs] });

    expect(updatedTasks(result).map((t) => t.id)).toEqual(["task-1"]);
    expect(createdTasks(result)).toEqual([expect.objectContaining({ ownerId: "seller-1" })]);
  });

  it("leaves an earlier classification follow-up alone when the outcome is not a classification", () => {
    const earlier = buildTask({ id: "task-earlier", kind: "follow-up", origin: "classification" });

    const result = complete({ outcome: "not-sure-yet", openTasks: [earlier] });

    expect(updatedTasks(result).map((t) => t.id)).toEqual(["task-1"]);
  });
});

describe("completeTask: the task itself", () => {
  it("stops the task's reminders and timelines the completion", () => {
    const task = buildTask();

    const result = complete({ task });

    expect(result.cancel).toEqual(task.deadlines);
    expect(result.value.task.deadlines).toEqual([]);
    expect(activitiesOf(result)).toEqual([
      expect.objectContaining({
        type: "task-completed",
        taskId: "task-1",
        outcome: null,
        opportunityId: "opp-1",
      }),
    ]);
  });

  it.each(["done", "cancelled"] as const)("refuses to complete a %s task again", (status) => {
    expect(codeOf(() => complete({ task: buildTask({ status }) }))).toBe("invalid-state");
  });

  it("completes a personal task with no opportunity and no timeline", () => {
    const task = buildTask({ opportunityId: null, contactId: null });

    const result = complete({ task, opportunity: null, contact: null, outcome: "not-sure-yet" });

    expect(activitiesOf(result)).toEqual([]);
    expect(result.value.followUp).toMatchObject({
      opportunityId: null,
      contactId: null,
      title: "Follow up",
    });
  });

  it("names no hidden marketplace client in the follow-up's title", () => {
    const opportunity = buildOpportunity({ marketplace: buildMarketplaceApplication() });

    const result = complete({ opportunity, outcome: "promising" });

    expect(result.value.followUp?.title).toBe("Follow up");
  });

  it("needs the contact to classify, naming the field", () => {
    expect(pathsOf(() => complete({ outcome: "promising", contact: null }))).toEqual(["contact"]);
  });

  it("refuses a contact that is not the task's", () => {
    expect(
      pathsOf(() =>
        complete({ outcome: "promising", contact: buildContact({ id: "contact-zoe" }) }),
      ),
    ).toEqual(["contact"]);
  });

  it("refuses an unknown outcome, naming the field", () => {
    const outcome = "thrilled" as TaskOutcome;

    expect(pathsOf(() => complete({ outcome }))).toEqual(["outcome"]);
  });
});
