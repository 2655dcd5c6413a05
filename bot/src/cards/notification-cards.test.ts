import { describe, expect, it } from "vitest";
import { buildOpportunity, buildTask } from "../../../core/src/shared/builders.test-support.js";
import { translator } from "../i18n/translate.js";
import { escalationListCard, taskReminderCard } from "./notification-cards.js";
import { showOpportunity, showTask } from "./shown.js";

const words = { t: translator("en"), reader: { locale: "en" as const, timeZone: "UTC" } };
const links = { teamsAppId: null, baseUrl: "http://localhost:3978" };

const doneLine = (outcome: "promising" | null) =>
  JSON.stringify(
    taskReminderCard(
      {
        task: showTask(buildTask({ status: "done", outcome }), null),
        opportunity: null,
        when: "due",
        doneByName: "Ana García",
      },
      words,
      links,
    ).body,
  );

describe("a task reminder once the task is done", () => {
  it("says who did it and the outcome chosen", () => {
    expect(doneLine("promising")).toContain("Done by Ana García (Promising)");
  });

  it("says only who did it when no outcome was chosen, not the form's '(leave blank)'", () => {
    const line = doneLine(null);
    expect(line).toContain("Done by Ana García");
    expect(line).not.toContain("leave blank");
    expect(line).not.toContain("()");
  });
});

describe("a manager's merged first-contact escalations", () => {
  const lead = (id: string, title: string) => ({
    opportunity: showOpportunity(
      buildOpportunity({ id, title, receivedAt: "2026-03-02T08:00:00.000Z" }),
    ),
    ownerName: "Ana García",
  });

  it("reads in Spanish, in the manager's zone, with one Open per lead", () => {
    const card = escalationListCard(
      [lead("opp-1", "Reformas Ortega"), lead("opp-2", "Clínica Sur")],
      { t: translator("es"), reader: { locale: "es", timeZone: "America/Mexico_City" } },
      links,
    );
    const json = JSON.stringify(card.body);

    expect(card.body[0]).toMatchObject({ text: "2 oportunidades siguen sin primer contacto" });
    expect(json).toContain('"title":"Responsable","value":"Ana García"');
    // 08:00 UTC is 02:00 in Mexico City.
    expect(json).toMatch(/"title":"Recibida","value":"[^"]*2:00/);
    const opens = card.body.flatMap((element) =>
      element.type === "Container" ? (JSON.stringify(element).match(/Action\.OpenUrl/g) ?? []) : [],
    );
    expect(opens).toHaveLength(2);
    expect(json).toContain("opp-1");
    expect(json).toContain("opp-2");
  });

  it("says one lead in the singular", () => {
    const card = escalationListCard([lead("opp-1", "Reformas Ortega")], words, links);
    expect(card.body[0]).toMatchObject({ text: "1 lead still waiting for a first contact" });
  });
});
