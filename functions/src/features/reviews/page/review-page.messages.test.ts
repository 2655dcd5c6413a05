import { describe, expect, it } from "vitest";
import { reviewRequestMail } from "../../../mail/review-mail.js";
import { pageLocale } from "./review-page.messages.js";

describe("the review page's language", () => {
  it.each([
    { case: "?lang= first", lang: "es", accept: "en-US", tenant: "en", expected: "es" },
    {
      case: "the browser's best of en/es",
      lang: null,
      accept: "de-DE, es;q=0.9, en;q=0.4",
      tenant: "en",
      expected: "es",
    },
    {
      case: "the browser's order at equal weight",
      lang: null,
      accept: "en-GB, es",
      tenant: "es",
      expected: "en",
    },
    {
      case: "the tenant's when the browser speaks neither",
      lang: null,
      accept: "fr-FR, de",
      tenant: "es",
      expected: "es",
    },
    {
      case: "the tenant's for an unknown ?lang=",
      lang: "xx",
      accept: null,
      tenant: "es",
      expected: "es",
    },
    {
      case: "English when nothing is known",
      lang: null,
      accept: null,
      tenant: null,
      expected: "en",
    },
  ] as const)("is $case", ({ lang, accept, tenant, expected }) => {
    expect(pageLocale(lang, accept, tenant)).toBe(expected);
  });
});

describe("the review request mail", () => {
  const facts = {
    contactName: "Carla",
    targetName: "Ana Partners",
    projectTitle: "Web shop",
    url: "https://dealflow.example.test/r/abc.def",
    expiresAt: new Date("2026-04-01T09:00:00.000Z"),
    timeZone: "Europe/Madrid",
  };

  it("asks in Spanish with the link and its last day", () => {
    const mail = reviewRequestMail(facts, "es");

    expect(mail.subject).toBe("¿Qué tal lo hizo Ana Partners? Valora «Web shop»");
    expect(mail.text).toContain("Hola, Carla:");
    expect(mail.text).toContain(facts.url);
    expect(mail.text).toContain("hasta el 1 de abril de 2026");
  });

  it("asks in English", () => {
    const mail = reviewRequestMail(facts, "en");

    expect(mail.subject).toBe('How did Ana Partners do? Review "Web shop"');
    expect(mail.text).toContain("The link works once, until 1 April 2026.");
  });
});
