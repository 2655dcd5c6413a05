import { apiFunctions } from "./api/api-functions.js";
import type { AppDeps } from "./app-deps.js";
import { messagesFunction } from "./bot/messages.function.js";
import { reviewPageFunction, reviewRequestChannel } from "./features/reviews/index.js";
import { healthFunction } from "./health/health.function.js";
import { identityFunctions } from "./identity/identity-functions.js";
import { devMailFunctions } from "./mail/dev-outbox.function.js";
import { ownerMailChannel } from "./mail/owner-mail.channel.js";
import { activityFeedChannel } from "./notifications/activity-feed.channel.js";
import { createBotChannel } from "./notifications/bot-channel.js";
import { deliverNotificationFunction } from "./notifications/deliver-notification.function.js";
import type { FunctionDefinition } from "./registry/function-definition.js";
import { retentionFunction } from "./retention/retention.function.js";
import { dailyDigestFunction } from "./sla/daily-digest.function.js";
import { slaSweepFunction } from "./sla/sla-sweep.function.js";

/** The composition root: every function of the app, wired to its dependencies. */
export const createFunctions = (deps: AppDeps): FunctionDefinition[] => {
  const { deliveryLog } = deps.store;
  // Every way of telling people about an outbox row; mail joins this list (functions/src/mail).
  const channels = [
    createBotChannel({ store: deps.store, bot: deps.bot, deliveryLog }),
    ownerMailChannel({ store: deps.store, mailer: deps.graph.mailer }),
    reviewRequestChannel({
      store: deps.store,
      mailer: deps.graph.mailer,
      publicBaseUrl: deps.config.publicBaseUrl,
    }),
    ...(deps.graph.activityFeed
      ? [
          activityFeedChannel({
            store: deps.store,
            feed: deps.graph.activityFeed,
            links: deps.bot.links,
          }),
        ]
      : []),
  ];
  return [
    healthFunction(deps),
    slaSweepFunction(deps),
    dailyDigestFunction(deps),
    retentionFunction(deps),
    ...identityFunctions(deps),
    ...apiFunctions(deps),
    ...devMailFunctions(deps),
    messagesFunction(deps),
    reviewPageFunction(deps),
    deliverNotificationFunction(deps, channels, deliveryLog),
  ];
};
