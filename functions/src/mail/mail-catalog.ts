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
export const ownerMail = (
  kind: "new-lead" | "new-owner",
  facts: MailFacts,
  locale: Locale,
): { subject: string; text: string } => {
  const words = CATALOG[locale] ?? CATALOG.en;
  const line = (label: string, value: string | null) => (value ? [`${label}: ${value}`] : []);
  const text = [
    kind === "new-lead" ? words.newLeadIntro : words.newOwnerIntro,
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
  const subject = kind === "new-lead" ? words.newLeadSubject(facts) : words.newOwnerSubject(facts);
  return { subject, text };
};
