import { type Locale, normalizeText } from "@dealflow/core";

/** What a message to the bot asks for (SPEC §4.6, CONTRACTS "Bot"). */
export type BotCommand =
  | { name: "help"; locale: Locale }
  | { name: "status"; query: string | null; locale: Locale }
  | { name: "overdue"; locale: Locale }
  | { name: "my-tasks"; locale: Locale }
  | { name: "follow"; query: string; locale: Locale }
  | { name: "unfollow"; query: string; locale: Locale }
  /** Links the channel the message came from to a pipeline (name or id). */
  | { name: "link"; pipeline: string; locale: Locale }
  /** Anything else: the bot answers with the help card, never silence. */
  | { name: "unknown"; text: string };

export type BotCommandName = BotCommand["name"];

type CommandName = Exclude<BotCommandName, "unknown">;

type Keyword = { words: readonly string[]; locale: Locale; command: CommandName };

const keyword = (phrase: string, locale: Locale, command: CommandName): Keyword => ({
  words: phrase.split(" "),
  locale,
  command,
});

// Compared with normalized words (see `normalizeText`), so written in lower case here.
const KEYWORDS: readonly Keyword[] = [
  keyword("help", "en", "help"),
  keyword("ayuda", "es", "help"),
  keyword("status", "en", "status"),
  keyword("estado", "es", "status"),
  keyword("overdue", "en", "overdue"),
  keyword("vencidas", "es", "overdue"),
  keyword("my tasks", "en", "my-tasks"),
  keyword("mis tareas", "es", "my-tasks"),
  keyword("follow", "en", "follow"),
  keyword("seguir", "es", "follow"),
  keyword("unfollow", "en", "unfollow"),
  keyword("dejar de seguir", "es", "unfollow"),
  keyword("link", "en", "link"),
  keyword("vincular", "es", "link"),
];

/** The command, or null when the argument is missing or one was given where none fits. */
const build = (
  command: CommandName,
  argument: string | null,
  locale: Locale,
): BotCommand | null => {
  switch (command) {
    case "help":
    case "overdue":
    case "my-tasks":
      return argument === null ? { name: command, locale } : null;
    case "status":
      return { name: command, query: argument, locale };
    case "follow":
    case "unfollow":
      return argument === null ? null : { name: command, query: argument, locale };
    case "link":
      return argument === null ? null : { name: command, pipeline: argument, locale };
  }
};

const ENTITIES: Readonly<Record<string, string>> = {
  "&nbsp;": " ",
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&apos;": "'",
};

/**
 * Teams delivers the text with the bot's mention as `<at>Name</at>` (and sometimes other
 * HTML and entities); typed-out clients such as the Agents Playground send "@Name" instead.
 */
export const stripMentions = (text: string): string =>
  text
    .replace(/<at\b[^>]*>[\s\S]*?<\/at>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(
      /&(?:nbsp|amp|lt|gt|quot|apos|#39);/gi,
      (entity) => ENTITIES[entity.toLowerCase()] ?? entity,
    )
    .trim()
    .replace(/^(?:@\S+\s*)+/, "")
    .trim();

// "¿estado?", "help!" and "status:" still count as the bare word.
const commandWord = (token: string): string =>
  normalizeText(token)
    .replace(/^[¿¡]+/u, "")
    .replace(/[?!.,:;]+$/u, "");

/** Parses a message to the bot. Pure; the argument keeps the user's casing and accents. */
export const parseCommand = (text: string): BotCommand => {
  const clean = stripMentions(text);
  const tokens = [...clean.matchAll(/\S+/g)];
  const words = tokens.map((token) => commandWord(token[0]));

  for (const candidate of KEYWORDS) {
    if (!candidate.words.every((word, i) => words[i] === word)) continue;
    const rest = tokens[candidate.words.length];
    const argument = rest === undefined ? null : clean.slice(rest.index).trim();
    const command = build(candidate.command, argument, candidate.locale);
    if (command !== null) return command;
  }
  return { name: "unknown", text: clean };
};
