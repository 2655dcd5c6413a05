import { cleanup } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { line, renderTimeline } from "./timeline.test-support.js";

afterEach(cleanup);

/** One line of each kind, rendered alone, as its English sentence. */
const say = (...details: Parameters<typeof line>) => renderTimeline([line(...details)])[0];

describe("the timeline in English", () => {
  it("says how the opportunity came in, with the source's label and the campaign", () => {
    expect(say({ type: "created", source: "web-form", campaign: null }, null)).toBe(
      "The opportunity came in from Web form.",
    );
    expect(say({ type: "created", source: "referral", campaign: "Spring 2026" }, null)).toBe(
      "The opportunity came in from Referral (campaign: Spring 2026).",
    );
    expect(say({ type: "created", source: "web-form", campaign: null })).toBe(
      "Ana García created the opportunity (source: Web form).",
    );
  });

  it("says the first contact's action, and a discard's reason by its label", () => {
    expect(say({ type: "first-contact", action: "ready-for-proposal", reason: null })).toBe(
      "Ana García recorded the first contact: ready for a proposal.",
    );
    expect(say({ type: "first-contact", action: "second-contact", reason: null })).toBe(
      "Ana García recorded the first contact: a second contact is needed.",
    );
    expect(say({ type: "first-contact", action: "discard", reason: "no-budget" })).toBe(
      "Ana García discarded the opportunity at first contact: No budget.",
    );
  });

  it("names stages by their labels, in any of the tenant's pipelines", () => {
    expect(say({ type: "stage-changed", from: "new", to: "proposal" })).toBe(
      "Ana García moved the opportunity from New to Proposal sent.",
    );
    expect(say({ type: "stage-changed", from: "proposal", to: "p-signed" }, null)).toBe(
      "Dealflow moved the opportunity from Proposal sent to Agreement signed.",
    );
  });

  it("names the owners and followers by the session's names", () => {
    expect(say({ type: "owner-changed", from: null, to: "u-luis" }, "u-marta")).toBe(
      "Marta Díaz gave the opportunity to Luis Romero.",
    );
    expect(say({ type: "owner-changed", from: "u-ana", to: "u-luis" }, "u-marta")).toBe(
      "Marta Díaz handed the opportunity over from Ana García to Luis Romero.",
    );
    expect(say({ type: "owner-changed", from: "u-ana", to: "u-luis" }, "u-luis")).toBe(
      "Luis Romero took the opportunity over from Ana García.",
    );
    expect(say({ type: "follower-added", userId: "u-ana" })).toBe(
      "Ana García started following the opportunity.",
    );
    expect(say({ type: "follower-added", userId: "u-luis" })).toBe(
      "Ana García added Luis Romero as a follower.",
    );
    expect(say({ type: "follower-removed", userId: "u-ana" })).toBe(
      "Ana García stopped following the opportunity.",
    );
    expect(say({ type: "follower-removed", userId: "u-marta" }, "u-luis")).toBe(
      "Luis Romero removed Marta Díaz from the followers.",
    );
  });

  it("lists the edited fields", () => {
    expect(say({ type: "details-changed", fields: ["title", "value", "tags"] })).toBe(
      "Ana García edited the opportunity's title, value and tags.",
    );
    expect(say({ type: "details-changed", fields: ["campaign"] })).toBe(
      "Ana García edited the opportunity's campaign.",
    );
  });

  it("names participants, a hidden client in words, and the promoted Contact", () => {
    const added = line({ type: "participant-added", contactId: "c-eva", name: "Eva Soto" });
    const promoted = line({
      type: "contact-promoted",
      contactId: "c-eva",
      previousContactId: "c1",
    });
    expect(renderTimeline([promoted, added])).toEqual([
      "Ana García made Eva Soto the Contact.",
      "Ana García added Eva Soto as a participant.",
    ]);
    expect(say({ type: "participant-removed", contactId: "c-x", name: "Hidden client" })).toBe(
      "Ana García removed Hidden client from the participants.",
    );
    expect(say({ type: "contact-promoted", contactId: "c-new", previousContactId: "c1" })).toBe(
      "Ana García changed the Contact.",
    );
  });

  it("quotes a note's excerpt as sent", () => {
    expect(say({ type: "note-added", noteId: "n1", excerpt: "Wants a demo on Friday" })).toBe(
      "Ana García added a note: “Wants a demo on Friday”",
    );
  });

  it("says tasks with their kind, title, outcome and dates in the user's time zone", () => {
    const created = line({
      type: "task-created",
      taskId: "t1",
      kind: "call",
      title: "Call Jorge",
      dueAt: "2026-03-03T10:00:00.000Z",
    });
    const moved = line({
      type: "task-rescheduled",
      taskId: "t1",
      from: "2026-03-03T10:00:00.000Z",
      to: "2026-03-05T08:00:00.000Z",
    });
    expect(renderTimeline([moved, created])).toEqual([
      "Ana García moved the task “Call Jorge” from 3 Mar 2026, 11:00 to 5 Mar 2026, 09:00.",
      "Ana García created the task “Call Jorge” (Call), due 3 Mar 2026, 11:00.",
    ]);
    expect(
      say({ type: "task-completed", taskId: "t1", title: "Call Jorge", outcome: "promising" }),
    ).toBe("Ana García completed the task “Call Jorge”: Promising.");
    expect(say({ type: "task-completed", taskId: "t2", title: "Send deck", outcome: null })).toBe(
      "Ana García completed the task “Send deck”.",
    );
    expect(say({ type: "task-cancelled", taskId: "t3", title: "Meeting" }, null)).toBe(
      "Dealflow cancelled the task “Meeting”.",
    );
  });

  it("says classifications by their labels", () => {
    const classified = { type: "classification", contactId: "c1" } as const;
    expect(say({ ...classified, from: null, to: "likely" })).toBe(
      "Ana García classified the contact as Likely.",
    );
    expect(say({ ...classified, from: "likely", to: "potential-consultant" })).toBe(
      "Ana García changed the contact's classification from Likely to Potential consultant.",
    );
    expect(say({ ...classified, from: "undecided", to: null })).toBe(
      "Ana García removed the contact's classification.",
    );
  });

  it("says the marketplace's lines, with the refund decided in words", () => {
    expect(say({ type: "contact-revealed", automatic: true }, null)).toBe(
      "The client's contact was revealed automatically: they did not react in time.",
    );
    expect(say({ type: "contact-revealed", automatic: false }, null)).toBe(
      "The client accepted: their contact was revealed.",
    );
    expect(say({ type: "client-reminded" }, null)).toBe(
      "The client was reminded to answer the application.",
    );
    expect(say({ type: "contact-withheld", refund: "eligible", refundReason: null }, null)).toBe(
      "The client declined: their contact is never shown. Refund eligible: the fee is marked for automatic refund.",
    );
    expect(say({ type: "contact-withheld", refund: "none", refundReason: null }, null)).toBe(
      "The client declined: their contact is never shown. No fee was paid: nothing to refund.",
    );
    expect(
      say({ type: "contact-withheld", refund: "not-eligible", refundReason: "meeting-held" }, null),
    ).toBe(
      "The client declined: their contact is never shown. Refund not eligible: a meeting with the client is recorded as held.",
    );
    expect(
      say(
        { type: "client-declined", refund: "not-eligible", refundReason: "declined-after-reveal" },
        null,
      ),
    ).toBe(
      "The client declined after their contact was revealed: it stays visible. Refund not eligible: the client declined after their contact was revealed.",
    );
  });

  it("keeps each line's time as a <time> element in the user's time zone", () => {
    renderTimeline([line({ type: "client-reminded" }, null)]);
    const time = document.querySelector("time");
    expect(time?.getAttribute("dateTime")).toBe("2026-03-02T09:30:00.000Z");
    expect(time?.textContent?.replace(/\s+/g, " ")).toBe("2 Mar 2026, 10:30");
  });
});
