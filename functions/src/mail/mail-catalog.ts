import type { Locale } from "@dealflow/core";

/** What an owner mail says about its opportunity (already redacted). */
export type MailFacts = {
  title: string;
  contactName: string;
  email: string | null;
  phone: string | null;
  company: string | null;
  source: string;
  campaign: string | null;
};

type Catalog = {
  newLeadSubject(facts: MailFacts): string;
  newLeadIntro: string;
  newOwnerSubject(facts: MailFacts): string;
  newOwnerIntro: string;
  revealedSubject(facts: MailFacts): string;
  revealedIntro: string;
  declinedSubject(facts: MailFacts): string;
  declinedIntro: string;
  labels: {
    contact: string;
    email: string;
    phone: string;
    company: string;
    source: string;
    campaign: string;
  };
  closing: string;
};

const CATALOG: Record<Locale, Catalog> = {
  en: {
    newLeadSubject: (facts) => `New lead: ${facts.title}`,
    newLeadIntro: "A new lead has been assigned to you. Make the first contact soon.",
    newOwnerSubject: (facts) => `You now own: ${facts.title}`,
    newOwnerIntro: "An opportunity has been assigned to you.",
    revealedSubject: (facts) => `Client revealed: ${facts.title}`,
    revealedIntro:
      "The marketplace client accepted or their details were revealed: you can reach them now. Make the first contact soon.",
    declinedSubject: (facts) => `Client declined: ${facts.title}`,
    declinedIntro:
      "The marketplace client declined. Dealflow recorded it with the marketplace's refund rules.",
    labels: {
      contact: "Contact",
      email: "Email",
      phone: "Phone",
      company: "Company",
      source: "Source",
      campaign: "Campaign",
    },
    closing: "Open Dealflow in Teams to see the details.",
  },
  es: {
    newLeadSubject: (facts) => `Nuevo contacto: ${facts.title}`,
    newLeadIntro: "Se te ha asignado un nuevo contacto. Haz el primer contacto pronto.",
    newOwnerSubject: (facts) => `Ahora eres responsable de: ${facts.title}`,
    newOwnerIntro: "Se te ha asignado una oportunidad.",
    revealedSubject: (facts) => `Cliente revelado: ${facts.title}`,
    revealedIntro:
      "El cliente del marketplace aceptó o sus datos se revelaron: ya puedes contactarle. Haz el primer contacto pronto.",
    declinedSubject: (facts) => `El cliente rechazó: ${facts.title}`,
    declinedIntro:
      "El cliente del marketplace rechazó. Dealflow lo registró con las reglas de reembolso del marketplace.",
    labels: {
      contact: "Contacto",
      email: "Correo",
      phone: "Teléfono",
      company: "Empresa",
      source: "Origen",
      campaign: "Campaña",
    },
    closing: "Abre Dealflow en Teams para ver los detalles.",
  },
};

/** The subject and plain-text body of an owner mail, in the owner's language. */
export type OwnerMailKind = "new-lead" | "new-owner" | "client-revealed" | "client-declined";

export const ownerMail = (
  kind: OwnerMailKind,
  facts: MailFacts,
  locale: Locale,
): { subject: string; text: string } => {
  const words = CATALOG[locale] ?? CATALOG.en;
  const line = (label: string, value: string | null) => (value ? [`${label}: ${value}`] : []);
  const intro = {
    "new-lead": words.newLeadIntro,
    "new-owner": words.newOwnerIntro,
    "client-revealed": words.revealedIntro,
    "client-declined": words.declinedIntro,
  }[kind];
  const subjectOf = {
    "new-lead": words.newLeadSubject,
    "new-owner": words.newOwnerSubject,
    "client-revealed": words.revealedSubject,
    "client-declined": words.declinedSubject,
  }[kind];
  const text = [
    intro,
    "",
    facts.title,
    ...line(words.labels.contact, facts.contactName),
    ...line(words.labels.email, facts.email),
    ...line(words.labels.phone, facts.phone),
    ...line(words.labels.company, facts.company),
    ...line(words.labels.source, facts.source),
    ...line(words.labels.campaign, facts.campaign),
    "",
    words.closing,
  ].join("\n");
  return { subject: subjectOf(facts), text };
};
