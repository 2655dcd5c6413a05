import { describe, expect, it } from "vitest";
import { defaultSettings } from "../settings/settings.js";
import { buildOpportunity, buildTask, NOW } from "../shared/builders.test-support.js";
import type { Deadline } from "./deadline.types.js";
import { firstContactFiring, needsRelay, taskFiring } from "./deadline-firing.js";
import { firstContactDeadlines } from "./first-contact-deadlines.js";
import { taskDeadlines } from "./task-deadlines.js";

const LATER = new Date("2026-03-03T09:00:00Z");

describe("firstContactFiring", () => {
  const opportunity = buildOpportunity({ id: "opp-7", receivedAt: "2026-03-02T08:50:00.000Z" });
  const [target, escalation] = firstContactDeadlines(opportunity, defaultSettings()) as [
    Deadline,
    Deadline,
  ];

  it("reminds the owner while the opportunity still waits for first contact", () => {
    const firing = firstContactFiring(target, opportunity, LATER);

    expect(firing).toEqual({
      fire: true,
      notification: {
        tenantId: opportunity.tenantId,
        id: `deadline:first-contact-target:opp-7:${Date.parse("2026-03-02T09:05:00Z")}`,
        createdAt: LATER.toISOString(),
        opportunityId: "opp-7",
        actorId: null,
        deliveredAt: null,
        type: "first-contact-reminder",
        deadlineId: target.id,
      },
    });
  });

  it("escalates to managers with its own notification type", () => {
    const firing = firstContactFiring(escalation, opportunity, LATER);

    expect(firing.fire && firing.notification.type).toBe("first-contact-escalation");
  });

  it.each([
    [
      "the first contact was recorded",
      { firstContact: { ...opportunity.firstContact, state: "done" as const } },
      "subject-settled",
    ],
    ["the opportunity was discarded", { status: "discarded" as const }, "subject-settled"],
    [
      "the lead was received again later",
      { receivedAt: "2026-03-02T10:00:00.000Z" },
      "subject-moved",
    ],
  ])("does nothing when %s", (_, change, reason) => {
    const firing = firstContactFiring(target, { ...opportunity, ...change }, LATER);

    expect(firing).toEqual({ fire: false, reason });
  });

  it("does nothing when the opportunity no longer exists", () => {
    expect(firstContactFiring(target, null, LATER)).toEqual({
      fire: false,
      reason: "subject-gone",
    });
  });

  it("does nothing before its due time", () => {
    expect(firstContactFiring(escalation, opportunity, NOW)).toEqual({
      fire: false,
      reason: "not-due-yet",
    });
  });
});

describe("taskFiring", () => {
  const task = buildTask({ id: "task-9", dueAt: "2026-03-02T15:00:00.000Z" });
  const settings = {
    ...defaultSettings(),
    durations: { ...defaultSettings().durations, taskOverdueEscalationMinutes: 60 },
  };
  const byKind = new Map(taskDeadlines(task, settings, NOW).map((d) => [d.kind, d]));
  const dueSoon = byKind.get("task-due-soon") as Deadline;
  const due = byKind.get("task-due") as Deadline;
  const overdue = byKind.get("task-overdue-escalation") as Deadline;

  it.each([
    ["due-soon", dueSoon],
    ["due", due],
  ] as const)("reminds the task owner of an open task (%s)", (when, deadline) => {
    const firing = taskFiring(deadline, task, LATER);

    expect(firing.fire && firing.notification).toMatchObject({
      type: "task-reminder",
      taskId: "task-9",
      when,
      dueAt: task.dueAt,
      opportunityId: task.opportunityId,
      id: `deadline:${deadline.id.replaceAll("~", ":")}`,
    });
  });

  it("escalates an overdue open task to managers", () => {
    const firing = taskFiring(overdue, task, LATER);

    expect(firing.fire && firing.notification).toMatchObject({
      type: "task-overdue-escalation",
      taskId: "task-9",
    });
  });

  it.each([
    ["done", { status: "done" as const }, "subject-settled"],
    ["cancelled", { status: "cancelled" as const }, "subject-settled"],
    ["rescheduled", { dueAt: "2026-03-04T15:00:00.000Z" }, "subject-moved"],
  ])("sends nothing for a task that was %s", (_, change, reason) => {
    expect(taskFiring(due, { ...task, ...change }, LATER)).toEqual({ fire: false, reason });
  });

  it("treats the same due instant written differently as unchanged", () => {
    const firing = taskFiring(due, { ...task, dueAt: "2026-03-02T16:00:00+01:00" }, LATER);

    expect(firing.fire).toBe(true);
  });

  it("sends nothing for a task that no longer exists", () => {
    expect(taskFiring(due, null, LATER)).toEqual({ fire: false, reason: "subject-gone" });
  });
});

describe("needsRelay", () => {
  it("re-queues only an outbox row nobody has delivered", () => {
    expect([
      needsRelay({ deliveredAt: null }),
      needsRelay({ deliveredAt: "2026-03-02T09:00:00.000Z" }),
      needsRelay(null),
    ]).toEqual([true, false, false]);
  });
});
