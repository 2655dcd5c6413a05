import { canRead, normalizeText, type Opportunity, redactHiddenContact } from "@dealflow/core";
import { type BotData, readAll } from "../ports/bot-data.js";
import type { BotUser } from "./bot-user.js";

export type Found =
  | { kind: "one"; opportunity: Opportunity }
  | { kind: "none" }
  | { kind: "many"; opportunities: Opportunity[] };

const MAX_CHOICES = 5;

/**
 * `status <name or id>`, `follow <…>`: an id, else the opportunities whose contact (name,
 * company, email) or title matches. Only what the user may read counts (SPEC §7): an
 * opportunity they cannot see is "not found", exactly like one that does not exist.
 */
export const findOpportunity = async (
  data: BotData,
  user: BotUser,
  query: string,
): Promise<Found> => {
  const readable = (opportunity: Opportunity | null): opportunity is Opportunity =>
    opportunity !== null && canRead(user.viewer, opportunity, user.settings);
  const trimmed = query.trim();
  const byId = /^[A-Za-z0-9._:@+-]{1,200}$/.test(trimmed)
    ? await data.getOpportunity(user.tenantId, trimmed)
    : null;
  if (readable(byId)) return { kind: "one", opportunity: redactHiddenContact(byId) };

  const contacts = await data.searchContacts(user.tenantId, trimmed, 10);
  const lists = await Promise.all(
    contacts.map((contact) =>
      readAll((page) =>
        data.listOpportunities(user.tenantId, { kind: "contact", contactId: contact.id }, page),
      ),
    ),
  );
  const byContact = new Map<string, Opportunity>();
  for (const opportunity of lists.flat()) {
    // A hidden client's name must not find its opportunity (SPEC §4.4).
    if (readable(opportunity) && redactHiddenContact(opportunity) === opportunity) {
      byContact.set(opportunity.id, opportunity);
    }
  }
  const wanted = normalizeText(trimmed);
  const exact = [...byContact.values()].filter(
    (opportunity) =>
      normalizeText(opportunity.contact.name) === wanted ||
      normalizeText(opportunity.title) === wanted,
  );
  const candidates = exact.length > 0 ? exact : [...byContact.values()];
  const open = candidates.filter((opportunity) => opportunity.status === "open");
  const chosen = open.length > 0 ? open : candidates;
  if (chosen.length === 0) return { kind: "none" };
  if (chosen.length === 1 && chosen[0]) return { kind: "one", opportunity: chosen[0] };
  return { kind: "many", opportunities: chosen.slice(0, MAX_CHOICES) };
};
