import {
  formatDateTime,
  type LinkConfig,
  opportunityLink,
  showOpportunity,
  translator,
} from "@dealflow/bot";
import type { NotificationIntent, Settings, User } from "@dealflow/core";
import type { ActivityFeed, FeedNotification } from "../graph/activity-feed.js";
import type { Store } from "../storage/store.js";
import type { NotificationChannel, SubjectReads } from "./notification-channel.js";
import { type CardSpec, resolveDeliveries } from "./recipients.js";

/** The intents that can reach the feed; every other one is skipped before any read. */
const FEED_INTENTS: ReadonlySet<NotificationIntent["type"]> = new Set([
  "task-reminder",
  "task-overdue-escalation",
  "first-contact-escalation",
  "offer-sent",
]);

type FeedLine = Omit<FeedNotification, "tenantId" | "userId" | "idempotencyKey">;

/**
 * The feed's line for one card, in the reader's language: the topic and template values are
 * the card's own (already redacted: a hidden client's name never reaches the feed), the
 * preview its second line. Null for cards the feed does not carry.
 */
const feedLine = async (
  card: CardSpec,
  reader: { locale: User["locale"]; timeZone: string },
  deps: { reads: SubjectReads; links: LinkConfig },
): Promise<FeedLine | null> => {
  const t = translator(reader.locale);
  const open = (opportunityId: string) => opportunityLink(opportunityId, deps.links);
  switch (card.kind) {
    case "task-reminder":
      return card.opportunity === null
        ? null
        : {
            activityType: "taskReminder",
            topic: card.opportunity.title,
            webUrl: open(card.opportunity.id),
            previewText: t(card.when === "due" ? "reminder.due" : "reminder.dueSoon", {
              when: formatDateTime(card.task.dueAt, reader),
            }),
            templateParameters: { task: card.task.title },
          };
    case "task-overdue":
      return {
        activityType: "escalation",
        topic: card.opportunity.title,
        webUrl: open(card.opportunity.id),
        previewText: t("taskEscalation.title", { task: card.task.title }),
        templateParameters: { title: card.opportunity.title },
      };
    case "first-contact-escalation":
      return {
        activityType: "escalation",
        topic: card.opportunity.title,
        webUrl: open(card.opportunity.id),
        previewText: t("escalation.body", {
          since: formatDateTime(card.opportunity.receivedAt, reader),
        }),
        templateParameters: { title: card.opportunity.title },
      };
    case "offer": {
      if (card.replaces !== null) return null;
      const stored = await deps.reads.opportunity(card.offer.opportunityId);
      if (stored === null) return null;
      const shown = showOpportunity(stored);
      return {
        activityType: "leadOffered",
        topic: shown.title,
        webUrl: open(shown.id),
        previewText: t("feed.offerExpires", {
          when: formatDateTime(card.offer.expiresAt, reader),
        }),
        templateParameters: { title: shown.title },
      };
    }
    default:
      return null;
  }
};

const readerOf = (user: User | undefined, settings: Settings) => ({
  locale: user?.locale ?? settings.locale,
  timeZone: user?.timeZone ?? settings.timeZone,
});

/**
 * Issue 21: task reminders, escalations and offers also in each recipient's Teams activity
 * feed, when the tenant turned it on (Settings › Notifications) and Graph is configured. The
 * same outbox intent and audience as the bot's card (resolveDeliveries), so the feed never
 * tells anyone what the card would not; exactly once per recipient by the sent log. A tenant
 * whose administrator has not granted `TeamsActivity.Send` is logged, not retried: the card
 * in the bot's chat still went, and only an administrator can mend it.
 */
export const activityFeedChannel = (deps: {
  store: Store;
  feed: ActivityFeed;
  links: LinkConfig;
}): NotificationChannel => ({
  name: "activity-feed",
  async deliver(notification, { log, reads }) {
    if (!FEED_INTENTS.has(notification.type)) return;
    const { tenantId } = notification;
    const settings = await deps.store.getSettings(tenantId);
    if (!settings.activityFeed) return;
    if (deps.links.teamsAppId === null) {
      log("activity-feed: TEAMS_APP_ID is not set, so there is no Teams link to open; skipped");
      return;
    }
    const deliveries = await resolveDeliveries(deps.store, notification, reads);
    const users = new Map<string, User>();
    for (const delivery of deliveries) {
      if (delivery.to !== "user" || users.has(delivery.userId)) continue;
      const user = await reads.user(delivery.userId);
      if (user) users.set(user.id, user);
    }
    let consentLogged = false;
    for (const delivery of deliveries) {
      if (delivery.to !== "user") continue;
      const user = users.get(delivery.userId);
      if (user !== undefined && !user.active) continue;
      const line = await feedLine(delivery.card, readerOf(user, settings), {
        reads,
        links: deps.links,
      });
      if (line === null) continue;
      const answer = await deps.feed.notify({
        ...line,
        tenantId,
        userId: delivery.userId,
        idempotencyKey: `${notification.id}|${delivery.userId}`,
      });
      if (answer === "consent-required" && !consentLogged) {
        consentLogged = true;
        log(
          `activity-feed: tenant ${tenantId} has not granted TeamsActivity.Send (docs/deploy.md); ${notification.id} went to the bot's chat only`,
        );
      }
    }
  },
});
