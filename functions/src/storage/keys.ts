import { DomainError } from "@dealflow/core";

/** Separates the components of a RowKey; `~` is the end-of-range sentinel (sorts after all). */
export const SEP = "|";
const END = "~";

const MAX_MS = 9_999_999_999_999;

/** 13 digits of milliseconds cover 1970 to 2286; core refuses instants outside 1970–2199. */
const epochMs = (at: string | Date): number => {
  const ms = typeof at === "string" ? Date.parse(at) : at.getTime();
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_MS) {
    throw new DomainError("validation", `The instant ${String(at)} cannot be stored.`, [
      { path: "time", message: "must be between 1970 and 2199" },
    ]);
  }
  return ms;
};

/** Milliseconds since the epoch, zero-padded: sorts oldest first as a string. */
export const timeKey = (at: string | Date): string => String(epochMs(at)).padStart(13, "0");

/** Inverted time: sorts newest first as a string (Table Storage only sorts ascending). */
export const newestFirstKey = (at: string | Date): string =>
  String(MAX_MS - epochMs(at)).padStart(13, "0");

const SAFE_ID = /^[A-Za-z0-9._:@+-]+$/;

/** Ids go into keys verbatim: refuse anything that could break ordering or Azure's key rules. */
export const keyPart = (value: string, field = "id", maxLength = 200): string => {
  if (value.length > maxLength || !SAFE_ID.test(value)) {
    throw new DomainError("validation", `${field} has characters that cannot be stored`, [
      { path: field, message: `must be 1–${maxLength} letters, digits or . _ : @ + -` },
    ]);
  }
  return value;
};

/** Free text turned into a key component (search tokens): no separators, no forbidden chars. */
export const textKeyPart = (value: string): string =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: Azure forbids control chars in keys
  value.replace(/[/\\#?|~\u0000-\u001f\u007f-\u009f]/g, "").slice(0, 100);

export const key = (...parts: string[]): string => parts.join(SEP);

/** The RowKey range of every row whose key starts with `prefix`. */
export const prefixRange = (prefix: string) => ({ from: prefix, to: prefix + END });

export const odataString = (value: string): string => `'${value.replace(/'/g, "''")}'`;

export const rangeFilter = (partitionKey: string, from: string, to: string, after?: string) =>
  [
    `PartitionKey eq ${odataString(partitionKey)}`,
    after ? `RowKey gt ${odataString(after)}` : `RowKey ge ${odataString(from)}`,
    `RowKey lt ${odataString(to)}`,
  ].join(" and ");
