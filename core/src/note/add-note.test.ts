import { describe, expect, it } from "vitest";
import {
  activitiesOf,
  buildOpportunity,
  codeOf,
  contextFor,
  manager,
  NOW,
  pathsOf,
  seller,
  written,
} from "../shared/builders.test-support.js";
import { addNote, excerptOf } from "./add-note.js";
import { MAX_NOTE_LENGTH } from "./note.types.js";

describe("addNote", () => {
  it("keeps the trimmed text with its author and time, and timelines an excerpt", () => {
    const result = addNote(
      { opportunity: buildOpportunity(), text: "  Wants a call on Friday.\n" },
      contextFor(seller()),
    );

    expect(written(result, "note")).toEqual([
      {
        tenantId: "tenant-a",
        id: result.value.id,
        opportunityId: "opp-1",
        authorId: "seller-1",
        text: "Wants a call on Friday.",
        createdAt: NOW.toISOString(),
      },
    ]);
    expect(activitiesOf(result)).toEqual([
      expect.objectContaining({
        type: "note-added",
        noteId: result.value.id,
        excerpt: "Wants a call on Friday.",
      }),
    ]);
  });

  it("shortens a long note's excerpt at a word, on one line", () => {
    const text = `${"word ".repeat(40)}\n\nend`;

    const excerpt = excerptOf(text);

    expect(excerpt.length).toBeLessThanOrEqual(140);
    expect(excerpt).toMatch(/^word( word)*…$/);
  });

  it.each([
    { text: "   ", message: "is required" },
    {
      text: "x".repeat(MAX_NOTE_LENGTH + 1),
      message: `must be at most ${MAX_NOTE_LENGTH} characters`,
    },
  ])("refuses a note whose text $message", ({ text }) => {
    expect(
      pathsOf(() => addNote({ opportunity: buildOpportunity(), text }, contextFor(seller()))),
    ).toEqual(["text"]);
  });

  it("lets a manager add a note", () => {
    expect(
      addNote({ opportunity: buildOpportunity(), text: "ok" }, contextFor(manager())).value
        .authorId,
    ).toBe("manager-1");
  });

  it("refuses a follower, who reads only, and hides the opportunity from other sellers", () => {
    const followed = buildOpportunity({ followers: ["seller-2"] });

    expect(
      codeOf(() => addNote({ opportunity: followed, text: "hi" }, contextFor(seller("seller-2")))),
    ).toBe("forbidden");
    expect(
      codeOf(() =>
        addNote({ opportunity: buildOpportunity(), text: "hi" }, contextFor(seller("seller-3"))),
      ),
    ).toBe("not-found");
  });
});
