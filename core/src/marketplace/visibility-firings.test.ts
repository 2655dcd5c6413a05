import { describe, expect, it } from "vitest";
import { activitiesOf, createdTasks } from "../shared/builders.test-support.js";
import type { Deadline } from "../sla/deadline.types.js";
import { clientAccepted } from "./client-accepted.js";
import { clientDeclined } from "./client-declined.js";
import { deadlineOf, hoursAfterNow, received, systemAt } from "./marketplace.test-support.js";
import { marketplaceReminderFired, marketplaceRevealFired } from "./visibility-firings.js";

const fired = <T extends { fire: boolean }>(firing: T): Extract<T, { fire: true }> => {
  if (!firing.fire) throw new Error(`expected the clock to fire, got ${JSON.stringify(firing)}`);
  return firing as Extract<T, { fire: true }>;
};

/** The opportunity as it stands once the client accepted or declined an hour in (or not). */
const afterClient = (
  state: "hidden" | "accepted" | "declined",
  opportunity: ReturnType<typeof received>["opportunity"],
  contact: ReturnType<typeof received>["contact"],
) =>
  state === "accepted"
    ? clientAccepted({ opportunity, contact }, systemAt(1)).value
    : state === "declined"
      ? clientDeclined({ opportunity }, systemAt(1)).value
      : opportunity;

describe("marketplaceReminderFired (24 h)", () => {
  it("records 'client reminded' on the timeline at the 24 h mark", () => {
    const { opportunity } = received();
    const reminder = deadlineOf(opportunity, "marketplace-reminder");

    const outcome = fired(marketplaceReminderFired(reminder, opportunity, systemAt(24)));

    expect(activitiesOf(outcome)).toMatchObject([{ type: "client-reminded", actorId: null }]);
    expect(outcome.value.marketplace?.visibility).toBe("hidden");
  });

  it("drops its own clock from the opportunity and keeps the reveal running", () => {
    const { opportunity } = received();

    const outcome = fired(
      marketplaceReminderFired(
        deadlineOf(opportunity, "marketplace-reminder"),
        opportunity,
        systemAt(24),
      ),
    );

    expect(outcome.value.deadlines.map((ref) => ref.kind)).toEqual(["marketplace-reveal"]);
    expect(outcome.cancel).toEqual([]);
  });

  it("does not fire twice: a second sweep finds its clock gone", () => {
    const { opportunity } = received();
    const reminder = deadlineOf(opportunity, "marketplace-reminder");
    const once = fired(marketplaceReminderFired(reminder, opportunity, systemAt(24))).value;

    expect(marketplaceReminderFired(reminder, once, systemAt(24))).toEqual({
      fire: false,
      reason: "subject-settled",
    });
  });

  it.each([
    { case: "before the 24 h mark", hours: 23.9, state: "hidden", reason: "not-due-yet" },
    { case: "after the client accepted", hours: 24, state: "accepted", reason: "subject-settled" },
    { case: "after the client declined", hours: 24, state: "declined", reason: "subject-settled" },
  ] as const)("does nothing $case", ({ hours, state, reason }) => {
    const { opportunity, contact } = received();
    const reminder = deadlineOf(opportunity, "marketplace-reminder");
    const current = afterClient(state, opportunity, contact);

    expect(marketplaceReminderFired(reminder, current, systemAt(hours))).toEqual({
      fire: false,
      reason,
    });
  });

  it("does nothing for an opportunity that is gone or was applied for at another time", () => {
    const { opportunity } = received();
    const reminder = deadlineOf(opportunity, "marketplace-reminder");
    const moved: Deadline = { ...reminder, expect: "2026-03-01T09:00:00.000Z" };

    expect(marketplaceReminderFired(reminder, null, systemAt(24))).toEqual({
      fire: false,
      reason: "subject-gone",
    });
    expect(marketplaceReminderFired(moved, opportunity, systemAt(24))).toEqual({
      fire: false,
      reason: "subject-moved",
    });
  });
});

describe("marketplaceRevealFired (48 h)", () => {
  it("reveals the contact automatically at the 48 h mark", () => {
    const { opportunity } = received();

    const outcome = fired(
      marketplaceRevealFired(
        deadlineOf(opportunity, "marketplace-reveal"),
        opportunity,
        systemAt(48),
      ),
    );

    expect(outcome.value.marketplace).toMatchObject({
      visibility: "revealed",
      revealedAt: hoursAfterNow(48).toISOString(),
    });
    expect(activitiesOf(outcome)[0]).toMatchObject({ type: "contact-revealed", automatic: true });
  });

  it("gives the owner a first-contact task, as an acceptance does", () => {
    const { opportunity } = received();

    const outcome = fired(
      marketplaceRevealFired(
        deadlineOf(opportunity, "marketplace-reveal"),
        opportunity,
        systemAt(48),
      ),
    );

    expect(createdTasks(outcome)).toMatchObject([{ kind: "first-contact", ownerId: "seller-1" }]);
  });

  it("cancels a reminder still pending, but not its own clock, which the engine is firing", () => {
    const { opportunity } = received();

    const outcome = fired(
      marketplaceRevealFired(
        deadlineOf(opportunity, "marketplace-reveal"),
        opportunity,
        systemAt(48),
      ),
    );

    expect(outcome.cancel).toEqual(
      [deadlineOf(opportunity, "marketplace-reminder")].map(({ id, kind, dueAt }) => ({
        id,
        kind,
        dueAt,
      })),
    );
    expect(outcome.value.deadlines.map((ref) => ref.kind)).toEqual([
      "first-contact-target",
      "first-contact-escalation",
    ]);
  });

  it.each([
    { case: "before the 48 h mark", hours: 47.5, reason: "not-due-yet", state: "hidden" },
    { case: "after the client declined", hours: 48, reason: "subject-settled", state: "declined" },
    { case: "after the client accepted", hours: 48, reason: "subject-settled", state: "accepted" },
  ] as const)("does nothing $case", ({ hours, reason, state }) => {
    const { opportunity, contact } = received();
    const reveal = deadlineOf(opportunity, "marketplace-reveal");
    const current = afterClient(state, opportunity, contact);

    expect(marketplaceRevealFired(reveal, current, systemAt(hours))).toEqual({
      fire: false,
      reason,
    });
  });
});

describe("an application nobody reacts to", () => {
  it("reminds the client at 24 h, then reveals at 48 h", () => {
    const { opportunity } = received();
    const reminder = deadlineOf(opportunity, "marketplace-reminder");
    const reveal = deadlineOf(opportunity, "marketplace-reveal");

    const day1 = fired(marketplaceReminderFired(reminder, opportunity, systemAt(24)));
    const day2 = fired(marketplaceRevealFired(reveal, day1.value, systemAt(48)));

    expect([...activitiesOf(day1), ...activitiesOf(day2)].map((line) => line.type)).toEqual([
      "client-reminded",
      "contact-revealed",
      "task-created",
    ]);
    expect(day2.cancel).toEqual([]);
  });
});
