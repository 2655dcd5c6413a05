import { LOCALE_TAGS, type Locale } from "@dealflow/core";

/** What the review request says: who worked for the client, on what, and where to answer. */
export type ReviewMailFacts = {
  contactName: string;
  targetName: string;
  projectTitle: string;
  url: string;
  expiresAt: Date;
  timeZone: string;
};

type Words = {
  subject(facts: ReviewMailFacts): string;
  greeting(name: string): string;
  ask(facts: ReviewMailFacts): string;
  link: string;
  validity(until: string): string;
  thanks: string;
};

const WORDS: Record<Locale, Words> = {
  en: {
    subject: (facts) => `How did ${facts.targetName} do? Review "${facts.projectTitle}"`,
    greeting: (name) => `Hello ${name},`,
    ask: (facts) =>
      `${facts.targetName} worked with you on "${facts.projectTitle}". Would you rate their work from 1 to 5 stars? It takes a minute, and a short comment is welcome.`,
    link: "Leave your review:",
    validity: (until) => `The link works once, until ${until}.`,
    thanks: "Thank you!",
  },
  es: {
    subject: (facts) => `¿Qué tal lo hizo ${facts.targetName}? Valora «${facts.projectTitle}»`,
    greeting: (name) => `Hola, ${name}:`,
    ask: (facts) =>
      `${facts.targetName} trabajó contigo en «${facts.projectTitle}». ¿Puedes valorar su trabajo de 1 a 5 estrellas? Es un minuto, y un comentario breve es bienvenido.`,
    link: "Deja tu valoración:",
    validity: (until) => `El enlace sirve una sola vez, hasta el ${until}.`,
    thanks: "¡Gracias!",
  },
};

/** SPEC §4.5: the closed-won mail to the Contact, in the tenant's language (plain text). */
export const reviewRequestMail = (
  facts: ReviewMailFacts,
  locale: Locale,
): { subject: string; text: string } => {
  const words = WORDS[locale] ?? WORDS.en;
  const until = new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    dateStyle: "long",
    timeZone: facts.timeZone,
  }).format(facts.expiresAt);
  const text = [
    words.greeting(facts.contactName),
    "",
    words.ask(facts),
    "",
    words.link,
    facts.url,
    "",
    words.validity(until),
    "",
    words.thanks,
  ].join("\n");
  return { subject: words.subject(facts), text };
};
