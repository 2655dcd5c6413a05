import { describe, expect, it } from "vitest";
import { buildOpportunity } from "../../../core/src/shared/builders.test-support.js";
import { translator } from "../i18n/translate.js";
import { escalationListCard } from "./notification-cards.js";
import { showOpportunity } from "./shown.js";

const words = { t: translator("en"), reader: { locale: "en" as const, timeZone: "UTC" } };
const links = { teamsAppId: null, baseUrl: "http://localhost:3978" };

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
