import { describe, expect, it } from "vitest";
import {
  activitiesOf,
  createdTasks,
  NOW,
  pathsOf,
  settingsWith,
  written,
} from "../shared/builders.test-support.js";
import { record } from "./first-contact.test-support.js";

describe("recordFirstContact: ready for proposal", () => {
  it("creates a send-proposal task due in 3 days when ready for proposal", () => {
    const result = record({ action: "ready-for-proposal" });

    expect(createdTasks(result)).toEqual([
      expect.objectContaining({
        kind: "send-proposal",
        origin: "ready-for-proposal",
        ownerId: "seller-1",
        opportunityId: "opp-1",
        contactId: "contact-ana",
        dueAt: "2026-03-05T09:00:00.000Z",
      }),
    ]);
  });

  it("honours the tenant's proposal delay", () => {
    const settings = settingsWith({ durations: { proposalDelayMinutes: 36 * 60 } });

    const result = record({ action: "ready-for-proposal" }, { settings });

    expect(createdTasks(result)[0]?.dueAt).toBe("2026-03-03T21:00:00.000Z");
  });

  it("moves the opportunity to the proposal stage and marks first contact done", () => {
    const result = record({ action: "ready-for-proposal" });

    expect(result.value).toMatchObject({
      stage: "proposal",
      status: "open",
      updatedAt: NOW.toISOString(),
      firstContact: {
        state: "done",
        action: "ready-for-proposal",
        recordedAt: NOW.toISOString(),
        secondContactDueAt: null,
      },
    });
    expect(activitiesOf(result).slice(0, 2)).toEqual([
      expect.objectContaining({
        type: "first-contact",
        action: "ready-for-proposal",
        reason: null,
      }),
      expect.objectContaining({ type: "stage-changed", from: "new", to: "proposal" }),
    ]);
  });

  it("stays in its stage when the pipeline has no proposal stage", () => {
    const settings = settingsWith({
      pipelines: [
        {
          id: "sales",
          name: "Sales",
          stages: [
            { id: "new", name: "New", role: "new" },
            { id: "won", name: "Won", role: "won" },
            { id: "lost", name: "Lost", role: "lost" },
          ],
        },
      ],
    });

    const result = record({ action: "ready-for-proposal" }, { settings });

    expect(result.value.stage).toBe("new");
    expect(activitiesOf(result).map((a) => a.type)).not.toContain("stage-changed");
  });

  it("keeps what was learned as a note", () => {
    const result = record({
      action: "ready-for-proposal",
      needs: "A new website",
      budget: " 10k ",
      notes: "Call after 5",
    });

    const [note] = written(result, "note");
    expect(note).toMatchObject({
      opportunityId: "opp-1",
      authorId: "seller-1",
      text: "Needs: A new website\nBudget: 10k\n\nCall after 5",
    });
    expect(activitiesOf(result)).toContainEqual(
      expect.objectContaining({ type: "note-added", noteId: note?.id }),
    );
  });

  it("writes no note when nothing was learned", () => {
    const result = record({ action: "ready-for-proposal", needs: "  " });

    expect(written(result, "note")).toEqual([]);
  });

  it("refuses an overlong field, naming it", () => {
    expect(
      pathsOf(() => record({ action: "ready-for-proposal", budget: "x".repeat(2_001) })),
    ).toEqual(["budget"]);
  });
});
