import { MAX_NOTE_LENGTH } from "@dealflow/core";

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

const decodeEntities = (html: string): string =>
  html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code =
        name[1] === "x" || name[1] === "X"
          ? Number.parseInt(name.slice(2), 16)
          : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });

/**
 * A Teams message's text as typed, from `messagePayload.body` (Teams sends HTML): line breaks
 * kept, tags dropped, entities decoded. It becomes a note, escaped wherever it is shown later.
 */
export const messageText = (payload: Record<string, unknown>): string => {
  const body = payload.body as { contentType?: unknown; content?: unknown } | undefined;
  const content = typeof body?.content === "string" ? body.content : "";
  const plain =
    body?.contentType === "html"
      ? decodeEntities(
          content
            .replace(/<br\s*\/?>/gi, "\n")
            .replace(/<\/(p|div|li|h[1-6])>/gi, "\n")
            .replace(/<[^>]*>/g, ""),
        )
      : content;
  const text = plain
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  // A message longer than a note keeps its start; the note says it was cut.
  return text.length > MAX_NOTE_LENGTH ? `${text.slice(0, MAX_NOTE_LENGTH - 1)}…` : text;
};

/** The display name of the message's sender (a user or an app); empty when Teams sends none. */
export const senderName = (payload: Record<string, unknown>): string => {
  const from = payload.from as
    | { user?: { displayName?: unknown }; application?: { displayName?: unknown } }
    | undefined;
  const name = from?.user?.displayName ?? from?.application?.displayName;
  return typeof name === "string" ? name.trim().slice(0, 200) : "";
};
