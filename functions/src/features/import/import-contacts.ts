import type { ImportRowReport } from "@dealflow/contract";
import {
  type Contact,
  type FieldErrors,
  invalidInput,
  newContact,
  normalizeTags,
  type PreferredChannel,
  type UseCaseContext,
} from "@dealflow/core";
import type { Store } from "../../storage/store.js";
import { contactDirectory } from "../contact/index.js";
import type { CsvRow } from "./csv-table.js";
import { rowErrorsOf } from "./import-report.js";
import type { PlannedRow } from "./import-writer.js";

export const CONTACT_COLUMNS = {
  name: ["full name", "contact", "contact name"],
  email: ["e-mail", "email address", "mail"],
  phone: ["phone number", "telephone", "mobile"],
  company: ["organization", "organisation", "company name"],
  linkedinUrl: ["linkedin", "linkedin url"],
  preferredChannel: ["preferred channel", "channel"],
  tags: ["labels"],
} as const;

/** `contact.email` (core's path) → `email` (the CSV column). */
export const columnOfContactPath = (path: string) =>
  path.replace(/^contact\./, "").replace(/\.\d+$/, "");

/** Semicolon- or comma-separated tags in one cell. */
export const tagsOf = (cell: string | undefined) =>
  cell === undefined
    ? []
    : cell
        .split(/[;,]/)
        .map((tag) => tag.trim())
        .filter(Boolean);

const contactOf = (row: CsvRow, ctx: UseCaseContext): Contact => {
  const errors: FieldErrors = [];
  const { cells } = row;
  const contact = newContact(
    {
      name: cells.name ?? "",
      email: cells.email ?? null,
      phone: cells.phone ?? null,
      company: cells.company ?? null,
      linkedinUrl: cells.linkedinUrl ?? null,
      preferredChannel: (cells.preferredChannel ?? null) as PreferredChannel | null,
    },
    "contact",
    ctx,
    errors,
  );
  const tags = normalizeTags(tagsOf(cells.tags), "tags", errors);
  if (errors.length > 0) throw invalidInput(errors);
  return { ...contact, tags };
};

/**
 * An existing contact of the tenant with exactly this email. Never a hidden marketplace
 * client's: a dry run that matched one would tell a manager who the client is.
 */
export const findContactByEmail = (
  store: Store,
  tenantId: string,
  email: string,
): Promise<Contact | null> => contactDirectory(store).findByEmail(tenantId, email);

/**
 * Validates every row of a contacts file: the fields, duplicates within the file and
 * against the tenant's contacts (by email). Returns the report and, per valid row, what to write.
 */
export const planContactImport = async (
  rows: readonly CsvRow[],
  ctx: UseCaseContext,
  store: Store,
): Promise<{ reports: ImportRowReport[]; planned: PlannedRow[] }> => {
  const seen = new Map<string, number>();
  const reports: ImportRowReport[] = [];
  const planned: PlannedRow[] = [];
  for (const row of rows) {
    let contact: Contact;
    try {
      contact = contactOf(row, ctx);
    } catch (error) {
      reports.push({
        row: row.row,
        status: "error",
        preview: null,
        errors: rowErrorsOf(error, columnOfContactPath),
      });
      continue;
    }
    const email = contact.email?.toLowerCase() ?? null;
    const errors = [];
    if (email !== null && seen.has(email)) {
      errors.push({ column: "email", message: `repeats row ${seen.get(email)}` });
    } else if (email !== null && (await findContactByEmail(store, ctx.tenantId, email))) {
      errors.push({ column: "email", message: "belongs to a contact that already exists" });
    }
    if (email !== null && !seen.has(email)) seen.set(email, row.row);
    const preview = {
      name: contact.name,
      email: contact.email,
      phone: contact.phone,
      company: contact.company,
      tags: contact.tags,
    };
    reports.push({ row: row.row, status: errors.length ? "error" : "ok", preview, errors });
    if (errors.length === 0) {
      planned.push({
        changeSet: {
          changes: [{ entity: "contact", before: null, after: contact }],
          schedule: [],
          cancel: [],
        },
      });
    }
  }
  return { reports, planned };
};
