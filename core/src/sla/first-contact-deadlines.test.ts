import { describe, expect, it } from "vitest";
import { defaultSettings } from "../settings/settings.js";
import { buildOpportunity, settingsWith } from "../shared/builders.test-support.js";
import { firstContactDeadlines, isFirstContactDeadline } from "./first-contact-deadlines.js";

describe("firstContactDeadlines", () => {
  const opportunity = buildOpportunity({ id: "opp-7", receivedAt: "2026-03-02T09:00:00.000Z" });

  it("reminds 15 minutes after reception and escalates after 4 hours by default", () => {
    const deadlines = firstContactDeadlines(opportunity, defaultSettings());

    expect(deadlines.map((d) => [d.kind, d.dueAt])).toEqual([
      ["first-contact-target", "2026-03-02T09:15:00.000Z"],
      ["first-contact-escalation", "2026-03-02T13:00:00.000Z"],
    ]);
  });

  it("honours the tenant's own target and escalation durations", () => {
    const settings = settingsWith({
      durations: { firstContactTargetMinutes: 30, firstContactEscalationMinutes: 24 * 60 },
    });

    const deadlines = firstContactDeadlines(opportunity, settings);

    expect(deadlines.map((d) => d.dueAt)).toEqual([
      "2026-03-02T09:30:00.000Z",
      "2026-03-03T09:00:00.000Z",
    ]);
  });

  it("counts from reception, not from when the opportunity was stored", () => {
    const late = buildOpportunity({ receivedAt: "2026-03-01T22:00:00.000Z" });

    const [target] = firstContactDeadlines(late, defaultSettings());

    expect(target?.dueAt).toBe("2026-03-01T22:15:00.000Z");
  });

  it("names the opportunity as subject with deterministic ids and the reception as expectation", () => {
    const [target, escalation] = firstContactDeadlines(opportunity, defaultSettings());

    expect(target).toEqual({
      id: `first-contact-target~opp-7~${Date.parse("2026-03-02T09:15:00Z")}`,
      tenantId: opportunity.tenantId,
      kind: "first-contact-target",
      subjectId: "opp-7",
      dueAt: "2026-03-02T09:15:00.000Z",
      expect: "2026-03-02T09:00:00.000Z",
    });
    expect(escalation?.subjectId).toBe("opp-7");
  });

  it("recognises only first-contact kinds as first-contact deadlines", () => {
    const kinds = [
      { id: "a", kind: "first-contact-target", dueAt: "x" },
      { id: "b", kind: "first-contact-escalation", dueAt: "x" },
      { id: "c", kind: "task-due", dueAt: "x" },
    ] as const;

    expect(kinds.map((ref) => isFirstContactDeadline(ref))).toEqual([true, true, false]);
  });
});
