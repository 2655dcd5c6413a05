import type { HttpRequest } from "@azure/functions";
import { DomainError, type FieldError } from "@dealflow/core";
import { HttpProblem } from "../../api/http/api-problem.js";
import { mediaTypeOf } from "../../api/http/request-body.js";

/** A lead as the form posted it, in our words. */
export type IntakeLead = {
  name: string | null;
  email: string | null;
  phone: string | null;
  company: string | null;
  linkedinUrl: string | null;
  message: string | null;
  campaign: string | null;
  externalId: string | null;
  /** utm_* and other tracking fields, kept on the note so nothing the form sent is lost. */
  tracking: [string, string][];
};

/** The field names web forms and ads platforms use for each of ours, first found wins. */
const ALIASES: Record<Exclude<keyof IntakeLead, "tracking">, string[]> = {
  name: ["name", "full_name", "fullname"],
  email: ["email", "email_address"],
  phone: ["phone", "phone_number", "tel"],
  company: ["company", "company_name", "organization"],
  linkedinUrl: ["linkedinurl", "linkedin_url", "linkedin"],
  message: ["message", "notes", "comments"],
  campaign: ["campaign", "utm_campaign"],
  externalId: ["externalid", "external_id", "lead_id"],
};

const MAX_FIELD = 10_000;
const EXTERNAL_ID = /^[A-Za-z0-9._:@+-]{1,200}$/;

const fieldsOfJson = (text: string): Map<string, string> => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new HttpProblem(400, "Invalid request", "The body is not valid JSON.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new DomainError("validation", "The lead must be a JSON object.", [
      { path: "(root)", message: "must be an object of fields" },
    ]);
  }
  const fields = new Map<string, string>();
  const errors: FieldError[] = [];
  for (const [name, value] of Object.entries(parsed)) {
    if (value === null || value === undefined) continue;
    if (typeof value === "string") fields.set(name.toLowerCase(), value);
    else if (typeof value === "number" || typeof value === "boolean") {
      fields.set(name.toLowerCase(), String(value));
    } else errors.push({ path: name, message: "must be text" });
  }
  if (errors.length > 0) throw new DomainError("validation", "The lead is not valid.", errors);
  return fields;
};

const fieldsOfForm = (text: string): Map<string, string> => {
  const fields = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(text)) {
    if (!fields.has(name.toLowerCase())) fields.set(name.toLowerCase(), value);
  }
  return fields;
};

/** SPEC §6: JSON or form-encoded; unknown fields are ignored except tracking ones. */
export const readIntakeLead = (request: HttpRequest, body: Buffer): IntakeLead => {
  const type = mediaTypeOf(request);
  const text = body.toString("utf8");
  const fields =
    type === "application/x-www-form-urlencoded"
      ? fieldsOfForm(text)
      : type === "application/json" || type.endsWith("+json")
        ? fieldsOfJson(text)
        : null;
  if (fields === null) {
    throw new HttpProblem(
      415,
      "Unsupported media type",
      "Send the lead as application/json or application/x-www-form-urlencoded.",
    );
  }
  const errors: FieldError[] = [];
  const pick = (names: string[]): string | null => {
    for (const name of names) {
      const value = fields.get(name)?.trim();
      if (value === undefined || value === "") continue;
      if (value.length > MAX_FIELD) {
        errors.push({ path: name, message: `must be at most ${MAX_FIELD} characters` });
        return null;
      }
      return value;
    }
    return null;
  };
  const first = pick(["first_name", "firstname"]);
  const last = pick(["last_name", "lastname"]);
  const joined = [first, last].filter(Boolean).join(" ");
  const lead: IntakeLead = {
    name: pick(ALIASES.name) ?? (joined === "" ? null : joined),
    email: pick(ALIASES.email),
    phone: pick(ALIASES.phone),
    company: pick(ALIASES.company),
    linkedinUrl: pick(ALIASES.linkedinUrl),
    message: pick(ALIASES.message),
    campaign: pick(ALIASES.campaign),
    externalId: pick(ALIASES.externalId),
    tracking: [...fields]
      .filter(([name, value]) => name.startsWith("utm_") && value.trim() !== "")
      .map(([name, value]): [string, string] => [name, value.trim().slice(0, 500)])
      .slice(0, 20),
  };
  if (lead.name === null) {
    // A lead with only an email is still a lead: the address names them until a seller calls.
    if (lead.email !== null) lead.name = lead.email;
    else errors.push({ path: "name", message: "is required (or first_name/last_name, or email)" });
  }
  if (lead.externalId !== null && !EXTERNAL_ID.test(lead.externalId)) {
    errors.push({ path: "externalId", message: "must be 1–200 letters, digits or . _ : @ + -" });
  }
  if (errors.length > 0) throw new DomainError("validation", "The lead is not valid.", errors);
  return lead;
};

/** The note that keeps the message and tracking fields with the opportunity. */
export const leadNoteText = (lead: IntakeLead): string | null => {
  const lines = [
    ...(lead.message ? [lead.message] : []),
    ...lead.tracking.map(([name, value]) => `${name}: ${value}`),
  ];
  return lines.length === 0 ? null : lines.join("\n").slice(0, 4_000);
};
