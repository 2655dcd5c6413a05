import { describe, expect, it } from "vitest";
import { activitiesOf, codeOf, pathsOf } from "../shared/builders.test-support.js";
import { redactHiddenContact } from "../visibility/redact-hidden-contact.js";
import { clientDeclined } from "./client-declined.js";
import {
  CLIENT,
  deadlineOf,
  hoursAfterNow,
  received,
  systemAt,
} from "./marketplace.test-support.js";
import type { ApplicationSubmitted } from "./marketplace.types.js";
import { meetingHeld } from "./meeting-events.js";
import { marketplaceRevealFired } from "./visibility-firings.js";

const MEETING = "2026-03-03T10:00:00.000Z"; // 25 h after the application

type Row = {
  case: string;
  application?: Partial<ApplicationSubmitted>;
  held?: boolean;
  /** Hours after the application when the decline arrives. */
  arrives: number;
  /** When the marketplace says the client declined, if it says. */
  declinedAt?: string;
  refund: "eligible" | "not-eligible" | "none";
  reason: string | null;
};

describe("clientDeclined within 48 h: refund rules", () => {
  it.each<Row>([
    { case: "refunds a decline with no meeting", arrives: 5, refund: "eligible", reason: null },
    {
      case: "refunds a decline before the scheduled meeting time",
      application: { meetingAt: MEETING },
      arrives: 20,
      refund: "eligible",
      reason: null,
    },
    {
      case: "does not refund a decline after the scheduled meeting time",
      application: { meetingAt: MEETING },
      arrives: 30,
      refund: "not-eligible",
      reason: "declined-after-meeting-time",
    },
    {
      case: "does not refund a decline right at the meeting time",
      application: { meetingAt: MEETING },
      arrives: 25,
      refund: "not-eligible",
      reason: "declined-after-meeting-time",
    },
    {
      case: "does not refund once a meeting is recorded as held, even before its time",
      application: { meetingAt: MEETING },
      held: true,
      arrives: 20,
      refund: "not-eligible",
      reason: "meeting-held",
    },
    {
      case: "judges by when the client declined, not when the webhook arrived",
      application: { meetingAt: MEETING },
      arrives: 30,
      declinedAt: "2026-03-03T08:00:00Z",
      refund: "eligible",
      reason: null,
    },
    {
      case: "has nothing to refund when no fee was paid",
      application: { fee: null },
      arrives: 5,
      refund: "none",
      reason: null,
    },
  ])("$case", ({ application, held, arrives, declinedAt, refund, reason }) => {
    const { opportunity: hidden } = received(application);
    const opportunity = held
      ? meetingHeld({ opportunity: hidden }, systemAt(arrives - 1)).value
      : hidden;

    const outcome = clientDeclined({ opportunity, declinedAt }, systemAt(arrives));

    expect(outcome.value.marketplace).toMatchObject({
      visibility: "withheld",
      refund,
      refundReason: reason,
    });
    expect(activitiesOf(outcome)[0]).toMatchObject({
      type: "contact-withheld",
      refund,
      refundReason: reason,
    });
  });
});

describe("clientDeclined while hidden", () => {
  it("withholds the contact for good: it stays redacted", () => {
    const { opportunity } = received();

    const { value } = clientDeclined({ opportunity }, systemAt(5));

    const json = JSON.stringify(redactHiddenContact(value));
    for (const secret of [CLIENT.name, CLIENT.email, CLIENT.phone, CLIENT.company]) {
      expect(json).not.toContain(secret);
    }
  });

  it("stops both visibility clocks", () => {
    const { opportunity } = received();

    const outcome = clientDeclined({ opportunity }, systemAt(5));

    expect(outcome.cancel).toEqual(opportunity.deadlines);
    expect(outcome.value.deadlines).toEqual([]);
  });

  it("closes the opportunity as lost: nobody can ever reach the client", () => {
    const { opportunity } = received();

    const outcome = clientDeclined({ opportunity }, systemAt(5));

    expect(outcome.value).toMatchObject({
      status: "lost",
      stage: "lost",
      closedAt: hoursAfterNow(5).toISOString(),
    });
    expect(activitiesOf(outcome)[1]).toMatchObject({
      type: "stage-changed",
      from: "new",
      to: "lost",
    });
  });

  it("withholds even past the 48 h mark when the reveal has not been applied yet", () => {
    const { opportunity } = received();

    expect(clientDeclined({ opportunity }, systemAt(49)).value.marketplace?.visibility).toBe(
      "withheld",
    );
  });

  it("does nothing when the decline is replayed", () => {
    const { opportunity } = received();
    const withheld = clientDeclined({ opportunity }, systemAt(5)).value;

    const replay = clientDeclined({ opportunity: withheld }, systemAt(6));

    expect(replay).toEqual({ value: withheld, changes: [], schedule: [], cancel: [], intents: [] });
  });

  it("names a malformed decline time", () => {
    const { opportunity } = received();

    expect(
      pathsOf(() => clientDeclined({ opportunity, declinedAt: "yesterday" }, systemAt(5))),
    ).toEqual(["declinedAt"]);
  });
});

describe("clientDeclined after the automatic reveal", () => {
  const revealed = () => {
    const { opportunity } = received();
    const firing = marketplaceRevealFired(
      deadlineOf(opportunity, "marketplace-reveal"),
      opportunity,
      systemAt(48),
    );
    if (!firing.fire) throw new Error("the reveal should fire");
    return firing.value;
  };

  it("keeps the contact revealed and the opportunity open: what was seen cannot be unseen", () => {
    const { value } = clientDeclined({ opportunity: revealed() }, systemAt(50));

    expect(value).toMatchObject({ status: "open", marketplace: { visibility: "revealed" } });
  });

  it("marks the fee not refundable, since the team had the contact it paid for", () => {
    const { value } = clientDeclined({ opportunity: revealed() }, systemAt(50));

    expect(value.marketplace).toMatchObject({
      refund: "not-eligible",
      refundReason: "declined-after-reveal",
    });
  });

  it("writes a client-declined line with the refund decision, for the owner to be told", () => {
    const opportunity = revealed();

    const outcome = clientDeclined({ opportunity }, systemAt(50));

    expect(outcome.intents).toEqual([]);
    expect(activitiesOf(outcome)).toMatchObject([
      {
        type: "client-declined",
        opportunityId: opportunity.id,
        refund: "not-eligible",
        refundReason: "declined-after-reveal",
      },
    ]);
  });

  it("does nothing when that decline is replayed", () => {
    const once = clientDeclined({ opportunity: revealed() }, systemAt(50)).value;

    expect(clientDeclined({ opportunity: once }, systemAt(51)).changes).toEqual([]);
  });
});

describe("clientDeclined on something else", () => {
  it("is refused on an opportunity that did not come from a marketplace", () => {
    const { opportunity } = received();

    expect(
      codeOf(() =>
        clientDeclined({ opportunity: { ...opportunity, marketplace: null } }, systemAt(1)),
      ),
    ).toBe("invalid-state");
  });
});
