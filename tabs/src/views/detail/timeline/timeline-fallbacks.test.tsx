import { cleanup, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { line, renderTimeline } from "./timeline.test-support.js";

afterEach(cleanup);

const say = (...details: Parameters<typeof line>) => renderTimeline([line(...details)])[0];

describe("the timeline's fallbacks", () => {
  it("says a type newer than this tab neutrally, next to the lines it knows", () => {
    const lines = renderTimeline([
      line({ type: "deal-split", share: 0.5 }, "u-luis"),
      line({ type: "contract-signed" }, null),
      line({ type: "client-reminded" }, null),
    ]);
    expect(lines).toEqual([
      "Luis Romero made a change to the opportunity.",
      "Dealflow made a change to the opportunity.",
      "The client was reminded to answer the application.",
    ]);
  });

  it("never shows the id of a user the session does not know", () => {
    expect(say({ type: "stage-changed", from: "new", to: "proposal" }, "u-gone")).toBe(
      "Someone moved the opportunity from New to Proposal sent.",
    );
    expect(say({ type: "owner-changed", from: "u-gone", to: "u-left" }, "u-marta")).toBe(
      "Marta Díaz handed the opportunity over from someone to someone.",
    );
    expect(say({ type: "follower-added", userId: "u-gone" })).toBe(
      "Ana García added someone as a follower.",
    );
    expect(screen.queryByText(/u-gone|u-left/)).toBeNull();
  });

  it("keeps the id of a stage, source or reason removed from the settings since", () => {
    expect(say({ type: "stage-changed", from: "new", to: "retired-stage" })).toBe(
      "Ana García moved the opportunity from New to retired-stage.",
    );
    expect(say({ type: "created", source: "fair-2025", campaign: null }, null)).toBe(
      "The opportunity came in from fair-2025.",
    );
  });

  it("says a line with its details missing neutrally instead of printing undefined", () => {
    expect(say({ type: "note-added", noteId: "n1" })).toBe(
      "Ana García made a change to the opportunity.",
    );
    expect(say({ type: "task-created", taskId: "t1", kind: "call", title: "Call" })).toBe(
      "Ana García made a change to the opportunity.",
    );
    expect(say({ type: "details-changed" })).toBe("Ana García made a change to the opportunity.");
  });

  it("says values newer than this tab without failing", () => {
    expect(say({ type: "first-contact", action: "escalate", reason: null })).toBe(
      "Ana García recorded the first contact.",
    );
    expect(
      say(
        { type: "contact-withheld", refund: "not-eligible", refundReason: "fraud-suspected" },
        null,
      ),
    ).toBe(
      "The client declined: their contact is never shown. Refund not eligible: fraud-suspected.",
    );
    expect(say({ type: "client-declined", refund: "not-eligible", refundReason: null }, null)).toBe(
      "The client declined after their contact was revealed: it stays visible. Refund not eligible.",
    );
  });

  it("says there is no activity yet", () => {
    expect(renderTimeline([])).toEqual([]);
    expect(screen.getByText("No activity yet.")).toBeTruthy();
  });
});
