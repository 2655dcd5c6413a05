/** The activity types Dealflow declares in the app manifest (`activities.activityTypes`). */
export const FEED_ACTIVITY_TYPES = ["taskReminder", "escalation", "leadOffered"] as const;
export type FeedActivityType = (typeof FEED_ACTIVITY_TYPES)[number];

/** One notification for one user's Teams activity feed. */
export type FeedNotification = {
  tenantId: string;
  /** The recipient: their Entra object id, which is Dealflow's user id (ARCHITECTURE.md). */
  userId: string;
  activityType: FeedActivityType;
  /** What the feed's line is about (Teams shows it with the manifest's templateText). */
  topic: string;
  /** A Teams deep link the line opens (the opportunity in the Dealflow tab). */
  webUrl: string;
  /** The second line, in the recipient's language (Teams shows the first 150 characters). */
  previewText: string;
  /** Values for the activity type's templateText placeholders. */
  templateParameters: Record<string, string>;
  /** The intent and recipient: a repeated request sends nothing more. */
  idempotencyKey: string;
};

/**
 * The Teams activity feed (Graph `sendActivityNotification`, application permission
 * `TeamsActivity.Send` in the customer's tenant). Throws to ask for a retry; answers
 * "consent-required" when the tenant's administrator has not granted the permission (or the
 * app is not installed for the user), which no retry mends.
 */
export type ActivityFeed = {
  notify(notification: FeedNotification): Promise<"sent" | "consent-required">;
};
