import type { Mailer } from "../mail/mailer.js";
import { createOutboxMailer } from "../mail/outbox-mailer.js";
import type { Store } from "../storage/store.js";
import type { ActivityFeed } from "./activity-feed.js";
import type { Calendar } from "./calendar.js";
import { createGraphActivityFeed } from "./graph-activity-feed.js";
import { createGraphCalendar } from "./graph-calendar.js";
import { createGraphClient, type GraphClientOptions } from "./graph-client.js";
import type { GraphConfig } from "./graph-config.js";
import { createGraphMailer } from "./graph-mailer.js";
import { createGraphPeople } from "./graph-people.js";
import { createGraphTokens } from "./graph-tokens.js";
import { createLocalPeople } from "./local-people.js";
import { createOutboxCalendar } from "./outbox-calendar.js";
import type { People } from "./people.js";

export type GraphAdapters = {
  /** "graph" in production; "outbox" locally (rows shown by the dev outbox). */
  mode: "graph" | "outbox";
  mailer: Mailer;
  calendar: Calendar;
  people: People;
  /** The Teams activity feed: Graph only (a local run has no feed to write to). */
  activityFeed: ActivityFeed | null;
};

export type GraphAdapterDeps = {
  store: Store;
  clock: () => Date;
  /** The app's Teams id (TEAMS_APP_ID), named in activity-feed notifications when known. */
  teamsAppId?: string | null;
  /** Tests only: where token requests and Graph calls go, and how waits are spent. */
  overrides?: {
    tokenEndpointHost?: string;
    graphBaseUrl?: string;
    sleep?: GraphClientOptions["sleep"];
  };
};

/**
 * The mail, calendar and people adapters: Microsoft Graph when `readGraphConfig` found an
 * app secret, else the local outbox adapters. The adapters' code is the same in tests; only
 * the URLs differ.
 */
export const createGraphAdapters = (
  config: GraphConfig | null,
  deps: GraphAdapterDeps,
): GraphAdapters => {
  if (config === null) {
    return {
      mode: "outbox",
      mailer: createOutboxMailer(deps.store.mailOutbox, deps.clock),
      calendar: createOutboxCalendar(deps.store.mailOutbox, deps.clock),
      people: createLocalPeople(deps.store),
      activityFeed: null,
    };
  }
  const tokens = createGraphTokens({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorityHost: config.authorityHost,
    tokenEndpointHost: deps.overrides?.tokenEndpointHost,
  });
  const graph = createGraphClient({
    tokens,
    baseUrl: deps.overrides?.graphBaseUrl ?? config.graphBaseUrl,
    clientId: config.clientId,
    authorityHost: config.authorityHost,
    sleep: deps.overrides?.sleep,
  });
  return {
    mode: "graph",
    mailer: createGraphMailer({
      graph,
      homeTenantId: config.homeTenantId,
      sender: config.mailSender,
      sent: deps.store.sentLog("mailSent", deps.clock),
    }),
    calendar: createGraphCalendar({
      graph,
      sent: deps.store.sentLog("eventSent", deps.clock),
    }),
    people: createGraphPeople(graph),
    activityFeed: createGraphActivityFeed({
      graph,
      sent: deps.store.sentLog("feedSent", deps.clock),
      teamsAppId: deps.teamsAppId ?? null,
    }),
  };
};
