import { describe, expect, it } from "vitest";
import {
  activitiesOf,
  codeOf,
  createdTasks,
  pathsOf,
  seller,
  written,
} from "../shared/builders.test-support.js";
import { firstContactFiring } from "../sla/deadline-firing.js";
import { type ClientAcceptedInput, clientAccepted } from "./client-accepted.js";
import { clientDeclined } from "./client-declined.js";
import {
  actorAt,
  CLIENT,
  deadlineOf,
  hoursAfterNow,
  received,
  systemAt,
} from "./marketplace.test-support.js";
import { marketplaceRevealFired } from "./visibility-firings.js";

const accept = (overrides: Partial<ClientAcceptedInput> = {}, hours = 3) => {
  const { opportunity, contact } = received();
  return clientAccepted({ opportunity, contact, ...overrides }, systemAt(hours));
};

describe("clientAccepted while hidden", () => {
  it("reveals the contact at once", () => {
    const { value } = accept();

    expect(value.marketplace).toMatchObject({
      visibility: "revealed",
      revealedAt: hoursAfterNow(3).toISOString(),
    });
    expect(value.contact).toMatchObject(CLIENT);
  });

  it("tells the owner and followers with a contact-revealed line", () => {
    const lines = activitiesOf(accept());

    expect(lines[0]).toMatchObject({ type: "contact-revealed", automatic: false, actorId: null });
  });

  it("gives the owner a first-contact task due within the first-contact target", () => {
    const [task] = createdTasks(accept());

    expect(task).toMatchObject({
      kind: "first-contact",
      ownerId: "seller-1",
      origin: "marketplace",
      title: "First contact: Zoe Quintana",
      dueAt: new Date(hoursAfterNow(3).getTime() + 15 * 60_000).toISOString(),
    });
  });

  it("stops both visibility clocks", () => {
    const { opportunity, contact } = received();

    const outcome = clientAccepted({ opportunity, contact }, systemAt(3));

    expect(outcome.cancel).toEqual(opportunity.deadlines);
    // What remains are the first-contact clocks the reveal started.
    expect(outcome.value.deadlines.map((ref) => ref.kind)).toEqual([
      "first-contact-target",
      "first-contact-escalation",
    ]);
  });

  it("starts the first-contact clocks at the reveal, as a web-form lead's at arrival (SPEC §5)", () => {
    const revealedAt = systemAt(3).now;
    const outcome = accept({}, 3);
    const { durations } = systemAt(3).settings;
    const minutes = (kind: string) =>
      (Date.parse(outcome.schedule.find((d) => d.kind === kind)?.dueAt ?? "") -
        revealedAt.getTime()) /
      60_000;
    expect(minutes("first-contact-target")).toBe(durations.firstContactTargetMinutes);
    expect(minutes("first-contact-escalation")).toBe(durations.firstContactEscalationMinutes);
    // The clock's start is the reveal, so an escalation fires for this lead and not a stale one.
    const clocks = outcome.schedule.filter((d) => d.kind.startsWith("first-contact"));
    expect(clocks.map((d) => d.expect)).toEqual([
      revealedAt.toISOString(),
      revealedAt.toISOString(),
    ]);
    const escalation = outcome.schedule.find((d) => d.kind === "first-contact-escalation");
    if (!escalation) throw new Error("no escalation");
    const later = new Date(Date.parse(escalation.dueAt) + 1_000);
    expect(firstContactFiring(escalation, outcome.value, later)).toMatchObject({ fire: true });
  });

  it("fills the contact in from the event, on the record and on the opportunity", () => {
    const client = { phone: "+34 699 000 111", preferredChannel: "phone" as const };

    const outcome = accept({ client });

    expect(written(outcome, "contact")[0]).toMatchObject({ ...CLIENT, ...client });
    expect(outcome.value.contact).toMatchObject({ ...CLIENT, ...client });
  });

  it("asks for the meeting in the owner's calendar when its time is known", () => {
    const meetingAt = "2026-03-04T10:00:00.000Z";

    const { intents, value } = accept({ meetingAt, meetingUrl: "https://meet.example/zoe" });

    expect(intents).toEqual([
      {
        type: "calendar-event",
        id: `calendar:${value.id}:${Date.parse(meetingAt)}`,
        opportunityId: value.id,
        userId: "seller-1",
        startsAt: meetingAt,
      },
    ]);
    expect(value.marketplace?.meetingUrl).toBe("https://meet.example/zoe");
  });

  it("asks for no calendar event without a meeting time, or for a meeting already past", () => {
    expect(accept().intents).toEqual([]);
    expect(accept({ meetingAt: "2026-03-02T10:00:00Z" }, 5).intents).toEqual([]);
  });

  it("creates no task and no calendar event for an unassigned opportunity", () => {
    const { opportunity, contact } = received({ ownerId: null });

    const outcome = clientAccepted(
      { opportunity, contact, meetingAt: "2026-03-04T10:00:00Z" },
      systemAt(3),
    );

    expect(createdTasks(outcome)).toEqual([]);
    expect(outcome.intents).toEqual([]);
  });

  it("may be entered by hand by the owner, not by another seller", () => {
    const { opportunity, contact } = received();

    expect(
      clientAccepted({ opportunity, contact }, actorAt(seller("seller-1"), 3)).value.marketplace
        ?.visibility,
    ).toBe("revealed");
    expect(
      codeOf(() => clientAccepted({ opportunity, contact }, actorAt(seller("seller-2"), 3))),
    ).toBe("not-found");
  });

  it("names a bad field of the event and writes nothing", () => {
    expect(
      pathsOf(() => accept({ client: { email: "zoe-at-example" }, meetingAt: "soon" })).sort(),
    ).toEqual(["client.email", "meetingAt"]);
  });
});

describe("clientAccepted once revealed", () => {
  const acceptedOnce = () => {
    const { opportunity, contact } = received();
    const first = clientAccepted(
      { opportunity, contact, client: { phone: "+34 699 000 111" } },
      systemAt(3),
    );
    const [revised] = written(first, "contact");
    return { opportunity: first.value, contact: revised ?? contact };
  };

  it("does nothing when the acceptance is replayed", () => {
    const { opportunity, contact } = acceptedOnce();

    const replay = clientAccepted(
      { opportunity, contact, client: { phone: "+34 699 000 111" } },
      systemAt(4),
    );

    expect(replay).toEqual({
      value: opportunity,
      changes: [],
      schedule: [],
      cancel: [],
      intents: [],
    });
  });

  it("after the automatic reveal, writes only what is new: no second task or reveal line", () => {
    const { opportunity, contact } = received();
    const reveal = marketplaceRevealFired(
      deadlineOf(opportunity, "marketplace-reveal"),
      opportunity,
      systemAt(48),
    );
    if (!reveal.fire) throw new Error("the reveal should fire");

    const outcome = clientAccepted(
      { opportunity: reveal.value, contact, meetingAt: "2026-03-06T10:00:00Z" },
      systemAt(50),
    );

    expect(outcome.changes.map((change) => change.entity)).toEqual(["opportunity"]);
    expect(outcome.value.marketplace?.meetingAt).toBe("2026-03-06T10:00:00.000Z");
    expect(outcome.intents.map((intent) => intent.type)).toEqual(["calendar-event"]);
  });

  it("is refused once the client declined", () => {
    const { opportunity, contact } = received();
    const declined = clientDeclined({ opportunity }, systemAt(2)).value;

    expect(codeOf(() => clientAccepted({ opportunity: declined, contact }, systemAt(3)))).toBe(
      "invalid-state",
    );
  });
});

describe("clientAccepted given the wrong contact", () => {
  it("is refused rather than filling in someone else", () => {
    const { opportunity, contact } = received();

    expect(
      codeOf(() =>
        clientAccepted({ opportunity, contact: { ...contact, id: "contact-other" } }, systemAt(3)),
      ),
    ).toBe("invalid-state");
  });
});
