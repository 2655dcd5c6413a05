import type { ContactSnapshot as Contact } from "@dealflow/contract";

const hasEmail = (contact: Pick<Contact, "email">): contact is Contact & { email: string } =>
  typeof contact.email === "string" && contact.email.trim() !== "";

/**
 * SPEC §4.1 "Compose email": a mailto: link to the Contact, the Other Participants in cc
 * (those with an email, each once, never the Contact again). Null when the Contact has no
 * email: there is nobody to address.
 */
export const composeEmailHref = (
  contact: Pick<Contact, "email">,
  participants: readonly Pick<Contact, "email">[],
  subject?: string,
): string | null => {
  if (!hasEmail(contact)) return null;
  const to = contact.email.trim();
  const seen = new Set([to.toLowerCase()]);
  const cc: string[] = [];
  for (const participant of participants) {
    if (!hasEmail(participant)) continue;
    const email = participant.email.trim();
    if (seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    cc.push(email);
  }
  const query: string[] = [];
  if (cc.length > 0) query.push(`cc=${cc.map(encodeURIComponent).join(",")}`);
  if (subject) query.push(`subject=${encodeURIComponent(subject)}`);
  return `mailto:${encodeURIComponent(to).replace(/%40/g, "@")}${query.length ? `?${query.join("&")}` : ""}`;
};
