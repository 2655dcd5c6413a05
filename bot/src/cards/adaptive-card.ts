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

export const heading = (text: string): CardElement => ({
  type: "TextBlock",
  text,
  size: "Medium",
  weight: "Bolder",
  wrap: true,
});

export const text = (value: string, options: Record<string, unknown> = {}): CardElement => ({
  type: "TextBlock",
  text: value,
  wrap: true,
  ...options,
});

export const facts = (rows: readonly [string, string][]): CardElement => ({
  type: "FactSet",
  facts: rows.map(([title, value]) => ({ title, value })),
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
