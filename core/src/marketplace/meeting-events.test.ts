import { describe, expect, it } from "vitest";
import { codeOf, pathsOf } from "../shared/builders.test-support.js";
import { redactHiddenContact } from "../visibility/redact-hidden-contact.js";
import { clientAccepted } from "./client-accepted.js";
import { clientDeclined } from "./client-declined.js";
import { received, systemAt } from "./marketplace.test-support.js";
import { meetingHeld, meetingScheduled } from "./meeting-events.js";

const MEETING = "2026-03-04T10:00:00.000Z";
const LINK = "https://meet.example/zoe-quintana";

describe("meetingScheduled", () => {
  it("shows the time while hidden but keeps the link redacted, and asks for no calendar yet", () => {
    const { opportunity } = received();

    const outcome = meetingScheduled(
      { opportunity, meetingAt: MEETING, meetingUrl: LINK },
      systemAt(2),
    );

    expect(outcome.value.marketplace).toMatchObject({ meetingAt: MEETING, meetingUrl: LINK });
    expect(redactHiddenContact(outcome.value).marketplace).toMatchObject({
      meetingAt: MEETING,
      meetingUrl: null,
    });
    expect(outcome.intents).toEqual([]);
  });

  it("puts a revealed client's meeting in the owner's calendar", () => {
    const { opportunity, contact } = received();
    const revealed = clientAccepted({ opportunity, contact }, systemAt(1)).value;

    const { intents } = meetingScheduled(
      { opportunity: revealed, meetingAt: MEETING },
      systemAt(2),
    );

    expect(intents).toMatchObject([
      { type: "calendar-event", userId: "seller-1", startsAt: MEETING },
    ]);
  });

  it("does nothing when the same meeting is reported again", () => {
    const { opportunity } = received();
    const once = meetingScheduled(
      { opportunity, meetingAt: MEETING, meetingUrl: LINK },
      systemAt(2),
    ).value;

    const again = meetingScheduled(
      { opportunity: once, meetingAt: "2026-03-04T11:00:00+01:00" },
      systemAt(3),
    );

    expect(again.changes).toEqual([]);
  });

  it("is refused once the client declined", () => {
    const { opportunity } = received();
    const withheld = clientDeclined({ opportunity }, systemAt(1)).value;

    expect(
      codeOf(() => meetingScheduled({ opportunity: withheld, meetingAt: MEETING }, systemAt(2))),
    ).toBe("invalid-state");
  });

  it("names a missing or malformed meeting time", () => {
    const { opportunity } = received();

    expect(
      pathsOf(() => meetingScheduled({ opportunity, meetingAt: "next week" }, systemAt(2))),
    ).toEqual(["meetingAt"]);
  });
});

describe("meetingHeld", () => {
  it("records the meeting as held", () => {
    const { opportunity } = received({ meetingAt: MEETING });

    expect(meetingHeld({ opportunity }, systemAt(26)).value.marketplace?.meetingHeld).toBe(true);
  });

  it("does nothing when reported again", () => {
    const { opportunity } = received({ meetingAt: MEETING });
    const held = meetingHeld({ opportunity }, systemAt(26)).value;

    expect(meetingHeld({ opportunity: held }, systemAt(27)).changes).toEqual([]);
  });

  it("is refused once the client declined", () => {
    const { opportunity } = received();
    const withheld = clientDeclined({ opportunity }, systemAt(1)).value;

    expect(codeOf(() => meetingHeld({ opportunity: withheld }, systemAt(2)))).toBe("invalid-state");
  });
});
