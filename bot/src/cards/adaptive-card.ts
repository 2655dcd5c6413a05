/** Adaptive Card JSON as Teams receives it; elements are plain data, checked by the tests. */
export type CardElement = { type: string; [property: string]: unknown };

/** What every Universal Action carries: which card to re-render and the verb's own data. */
export type ActionData = { verb: CardVerb; card: CardKind; [field: string]: string | null };

export type CardVerb =
  | "refresh"
  | "task.done"
  | "task.snooze"
  | "opportunity.unfollow"
  | "opportunity.mute"
  | "opportunity.unmute"
  | "opportunity.claim"
  | "offer.accept"
  | "offer.decline"
  | "routing.route";

export type CardKind =
  | "help"
  | "status"
  | "opportunity"
  | "tasks"
  | "notice"
  | "follower-update"
  | "task-reminder"
  | "new-opportunity"
  | "deal-closed"
  | "escalation"
  | "owner-changed"
  | "digest"
  | "offer"
  | "choose-target";

export type AdaptiveCard = {
  type: "AdaptiveCard";
  $schema: string;
  version: "1.5";
  body: CardElement[];
  actions?: CardElement[];
  refresh?: { action: CardElement; userIds: string[] };
  fallbackText: string;
  msteams?: { width: "Full" };
};

export const ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

export const adaptiveCard = (parts: {
  body: CardElement[];
  actions?: CardElement[];
  fallbackText: string;
  /** Who re-renders the card when they look at it (Teams refreshes at most 60 users). */
  refresh?: { data: ActionData; userIds: string[] };
}): AdaptiveCard => ({
  type: "AdaptiveCard",
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
  version: "1.5",
  body: parts.body,
  ...(parts.actions && parts.actions.length > 0 ? { actions: parts.actions } : {}),
  ...(parts.refresh && parts.refresh.userIds.length > 0
    ? {
        refresh: {
          action: {
            type: "Action.Execute",
            title: "Refresh",
            verb: "refresh",
            data: parts.refresh.data,
          },
          userIds: parts.refresh.userIds.slice(0, 60),
        },
      }
    : {}),
  fallbackText: parts.fallbackText,
  msteams: { width: "Full" },
});

/**
 * Card text that is our own Adaptive Card markdown (a bold title, a list, a code span), made
 * only by `md` and `ownMarkdown`. Any other text a card shows is taken literally.
 */
export type Markdown = { readonly markdown: string };

/** What TextBlocks and facts take: plain text (escaped) or our own markdown. */
export type CardText = string | Markdown;

// The characters CommonMark (Teams' Adaptive Card markdown) gives a meaning to anywhere in a
// line; `&` starts an entity reference ("&#91;" would come out as "[").
const INLINE_SYNTAX = /[\\`*_~[\]<>&]/g;
// What means something only at the start of a line: list, quote, heading and setext markers.
const LINE_START_SYNTAX = /^([-+>#=]|\d+[.)])/;

const escapeLine = (line: string): string => {
  // Indentation would make a code block; it carries nothing a reader needs in a card.
  const bare = line.replace(/^[ \t]+/, "");
  return bare.replace(LINE_START_SYNTAX, (marker: string) =>
    /\d/.test(marker) ? `${marker.slice(0, -1)}\\${marker.slice(-1)}` : `\\${marker}`,
  );
};

/**
 * Text from outside (a lead's company, a note, a name) shown as typed: "[Session expired]
 * (https://evil.example)" must not become a link in a Teams card, nor "**URGENT**" bold,
 * nor "## Expired" a heading.
 */
export const escapeMarkdown = (value: string): string =>
  value
    .replace(/\r\n?/g, "\n")
    .replace(INLINE_SYNTAX, "\\$&")
    .split("\n")
    .map(escapeLine)
    .join("\n");

/** Markdown we wrote ourselves (the help card's command list); never data. */
export const ownMarkdown = (source: string): Markdown => ({ markdown: source });

/** Our markdown with data in it: `md\`**${title}**\``; every value is escaped, not trusted. */
export const md = (
  strings: TemplateStringsArray,
  ...values: readonly (string | number | Markdown)[]
): Markdown => ({
  markdown: strings.reduce((out, part, index) => {
    const value = values[index - 1];
    const shown = typeof value === "object" ? value.markdown : escapeMarkdown(String(value ?? ""));
    return `${out}${shown}${part}`;
  }),
});

const cardText = (value: CardText): string =>
  typeof value === "string" ? escapeMarkdown(value) : value.markdown;

export const heading = (value: CardText): CardElement => ({
  type: "TextBlock",
  text: cardText(value),
  size: "Medium",
  weight: "Bolder",
  wrap: true,
});

export const text = (value: CardText, options: Record<string, unknown> = {}): CardElement => ({
  type: "TextBlock",
  text: cardText(value),
  wrap: true,
  ...options,
});

export const facts = (rows: readonly (readonly [CardText, CardText])[]): CardElement => ({
  type: "FactSet",
  facts: rows.map(([title, value]) => ({ title: cardText(title), value: cardText(value) })),
});

/**
 * A Universal Action. Clients without Universal Actions (older Outlook, other hosts) fall back
 * to Action.Submit with the same data, which the bot answers the same way.
 */
export const execute = (title: string, data: ActionData, style?: "positive"): CardElement => ({
  type: "Action.Execute",
  title,
  verb: data.verb,
  data,
  ...(style ? { style } : {}),
  fallback: { type: "Action.Submit", title, data },
});

export const openUrl = (title: string, url: string): CardElement => ({
  type: "Action.OpenUrl",
  title,
  url,
});

/** A button that opens a small form inside the card (Done's outcome, Snooze's choices). */
export const showCard = (
  title: string,
  body: CardElement[],
  actions: CardElement[],
): CardElement => ({
  type: "Action.ShowCard",
  title,
  card: { type: "AdaptiveCard", body, actions },
});
