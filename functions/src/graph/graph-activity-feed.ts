import type { SentLog } from "../storage/messaging/graph-sent-log.js";
import type { ActivityFeed } from "./activity-feed.js";
import type { GraphClient } from "./graph-client.js";
import { isGraphConsentRequired } from "./graph-errors.js";

/** Teams shows the first 150 characters of a preview. */
const PREVIEW_LIMIT = 150;

/**
 * The production activity feed: `POST /users/{id}/teamwork/sendActivityNotification` with an
 * app token of the customer's tenant. The topic is text with a Teams deep link (Graph accepts
 * only those for text topics); `teamsAppId` tells Teams which installed app is speaking.
 * Throttling (429 with Retry-After) is the Graph client's; keyed like mail, so a redelivered
 * intent sends nothing twice.
 */
export const createGraphActivityFeed = (deps: {
  graph: GraphClient;
  sent: SentLog;
  teamsAppId: string | null;
}): ActivityFeed => ({
  async notify(notification) {
    const { tenantId, idempotencyKey } = notification;
    if (await deps.sent.has(tenantId, idempotencyKey)) return "sent";
    try {
      await deps.graph.request({
        actor: { kind: "app", tenantId },
        method: "POST",
        path: `/users/${encodeURIComponent(notification.userId)}/teamwork/sendActivityNotification`,
        body: {
          topic: { source: "text", value: notification.topic, webUrl: notification.webUrl },
          activityType: notification.activityType,
          previewText: { content: notification.previewText.slice(0, PREVIEW_LIMIT) },
          ...(deps.teamsAppId ? { teamsAppId: deps.teamsAppId } : {}),
          templateParameters: Object.entries(notification.templateParameters).map(
            ([name, value]) => ({ name, value }),
          ),
        },
      });
    } catch (error) {
      if (isGraphConsentRequired(error)) return "consent-required";
      throw error;
    }
    await deps.sent.mark(tenantId, idempotencyKey);
    return "sent";
  },
});
