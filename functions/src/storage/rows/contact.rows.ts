import { type Contact, normalizeText } from "@dealflow/core";
import { keyPart, textKeyPart } from "../keys.js";
import { rowKeyOf } from "../row-kinds.js";
import { encodeRecord, type StoredRow } from "./stored-row.js";

export const contactKey = (id: string) => rowKeyOf("contact", keyPart(id));

export const contactSearchPrefix = (query: string) =>
  rowKeyOf("contactSearch", textKeyPart(normalizeText(query)));

/**
 * Search tokens: the whole name and each later word of it ("garcia" finds "Ana García"),
 * the email and the company, normalized, so a prefix range read answers a type-ahead.
 */
export const contactSearchTokens = (contact: Contact): string[] => {
  const tokens = new Set<string>();
  const name = normalizeText(contact.name);
  const words = name.split(" ");
  words.forEach((_, index) => {
    tokens.add(words.slice(index).join(" "));
  });
  if (contact.email) tokens.add(normalizeText(contact.email));
  if (contact.company) tokens.add(normalizeText(contact.company));
  // Deduplicate after sanitizing: "Acme 1" and "Acme #1" are one key.
  return [...new Set([...tokens].map(textKeyPart))].filter((token) => token.length > 0);
};

export const contactRows = (contact: Contact): StoredRow[] => {
  const id = keyPart(contact.id);
  const data = encodeRecord(contact);
  return [
    { rowKey: contactKey(id), role: "main", kind: "contact", data },
    ...contactSearchTokens(contact).map(
      (token): StoredRow => ({
        rowKey: rowKeyOf("contactSearch", token, id),
        role: "projection",
        kind: "contact",
        data,
      }),
    ),
  ];
};
