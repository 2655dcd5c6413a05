import { cleanup } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { line, renderTimeline } from "./timeline.test-support.js";

afterEach(cleanup);

const say = (...details: Parameters<typeof line>) => renderTimeline([line(...details)], "es")[0];

describe("the timeline in Spanish", () => {
  it("says stage changes and the first contact with the tenant's labels", () => {
    expect(say({ type: "stage-changed", from: "new", to: "proposal" })).toBe(
      "Ana García movió la oportunidad de New a Proposal sent.",
    );
    expect(say({ type: "first-contact", action: "discard", reason: "no-budget" })).toBe(
      "Ana García descartó la oportunidad en el primer contacto: No budget.",
    );
  });

  it("says owners and followers by name", () => {
    expect(say({ type: "owner-changed", from: "u-ana", to: "u-luis" }, "u-marta")).toBe(
      "Marta Díaz pasó la oportunidad de Ana García a Luis Romero.",
    );
    expect(say({ type: "follower-added", userId: "u-luis" })).toBe(
      "Ana García añadió a Luis Romero como seguidor.",
    );
  });

  it("lists the edited fields with Spanish conjunctions", () => {
    expect(say({ type: "details-changed", fields: ["title", "tags"] })).toBe(
      "Ana García editó el título y las etiquetas de la oportunidad.",
    );
  });

  it("says tasks with Spanish dates and labels, and a hidden client's placeholder in Spanish", () => {
    expect(
      say({
        type: "task-created",
        taskId: "t1",
        kind: "follow-up",
        title: "Llamar a Jorge",
        dueAt: "2026-03-03T10:00:00.000Z",
      }),
    ).toBe(
      "Ana García creó la tarea «Llamar a Jorge» (Seguimiento), con vencimiento el 3 mar 2026, 11:00.",
    );
    expect(
      say({ type: "task-completed", taskId: "t1", title: "Llamar", outcome: "not-interested" }),
    ).toBe("Ana García completó la tarea «Llamar»: No interesado.");
    expect(say({ type: "participant-added", contactId: "c-x", name: "Hidden client" })).toBe(
      "Ana García añadió a Cliente oculto como participante.",
    );
    expect(say({ type: "note-added", noteId: "n1", excerpt: "Quiere una demo" })).toBe(
      "Ana García añadió una nota: «Quiere una demo»",
    );
  });

  it("says the client's decline with the refund in words", () => {
    expect(
      say(
        {
          type: "client-declined",
          refund: "not-eligible",
          refundReason: "declined-after-meeting-time",
        },
        null,
      ),
    ).toMatch(
      /^El cliente rechazó la solicitud después de revelarse su contacto, que sigue visible\. El reembolso no procede: .+\.$/,
    );
    expect(say({ type: "contact-withheld", refund: "eligible", refundReason: null }, null)).toBe(
      "El cliente rechazó la solicitud: su contacto no se mostrará nunca. El reembolso procede: la tarifa queda marcada para reembolso automático.",
    );
    expect(say({ type: "contact-revealed", automatic: true }, null)).toBe(
      "El contacto del cliente se reveló automáticamente: no respondió a tiempo.",
    );
  });

  it("says a line it does not know neutrally", () => {
    expect(say({ type: "deal-split", share: 0.5 }, "u-luis")).toBe(
      "Luis Romero hizo un cambio en la oportunidad.",
    );
  });
});
