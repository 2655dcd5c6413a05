import { applyMarketplaceEvent } from "../features/marketplace/index.js";
import { routeOpportunity } from "../features/routing/index.js";
import { systemActor } from "../service-kit/acting-context.js";
import type { Store } from "../storage/store.js";
import { commitDemoHistory, demoHistoryStore, demoServiceDeps } from "./demo-context.js";
import {
  DEMO_APPLICATIONS,
  DEMO_CONNECTOR,
  DEMO_OFFERS_SENT_HOURS_AGO,
  DEMO_ROUTING_CRITERIA,
  DEMO_ROUTING_TARGETS,
  type DemoApplication,
} from "./demo-marketplace.js";
import { DEMO_TENANT_ID, DEMO_USERS } from "./demo-tenant.js";

const HOUR = 3_600_000;

/**
 * The marketplace and routing part of the demo (SPEC §4.4–4.5), through the same use cases
 * as the connector's events and the Routing section: the routing catalog, Luis's three
 * applications (hidden, revealed, withheld) and one unassigned lead routed automatically
 * yesterday, whose offers still wait for Ana, Luis and the partner agency. The tenant's
 * settings must hold DEMO_CONNECTOR.
 */
export const seedDemoMarketplace = async (
  store: Store,
  now: Date,
  routedOpportunityId: string,
): Promise<void> => {
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * HOUR);
  const history = demoHistoryStore(store);
  await commitDemoHistory(store, {
    changes: DEMO_ROUTING_TARGETS.map((after) => ({
      entity: "routing-target" as const,
      before: null,
      after,
    })),
    schedule: [],
    cancel: [],
  });
  for (const application of DEMO_APPLICATIONS) {
    await playApplication(history, now, application);
  }

  const routedAt = hoursAgo(DEMO_OFFERS_SENT_HOURS_AGO);
  await routeOpportunity(
    demoServiceDeps(history, routedAt),
    systemActor(DEMO_TENANT_ID),
    routedOpportunityId,
    { mode: "automatic", criteria: DEMO_ROUTING_CRITERIA },
  );
};

/** One application as the connector's events would have told it, at their past moments. */
const playApplication = async (
  history: Store,
  now: Date,
  application: DemoApplication,
): Promise<void> => {
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * HOUR);
  const { applicationId, title, brief, client, fee } = application.submitted;
  const connector = { tenantId: DEMO_TENANT_ID, key: DEMO_CONNECTOR.key };
  // The seed is its own marketplace: its events need ids, which nothing remembers.
  const id = (type: string) => `demo:${applicationId}:${type}`;
  // No calendar in the deps: the demo has no mailbox to put the accepted meeting in.
  const at = (moment: Date) => demoServiceDeps(history, moment);
  const appliedAt = hoursAgo(application.appliedHoursAgo);
  await applyMarketplaceEvent(at(appliedAt), connector, {
    id: id("submitted"),
    type: "application-submitted",
    applicationId,
    appliedAt: appliedAt.toISOString(),
    title,
    brief,
    client,
    fee,
    ownerId: DEMO_USERS.luis.id,
  });

  const { accepted, declinedHoursAgo } = application;
  if (accepted) {
    await applyMarketplaceEvent(at(hoursAgo(accepted.hoursAgo)), connector, {
      id: id("accepted"),
      type: "client-accepted",
      applicationId,
      meetingAt: new Date(now.getTime() + accepted.meetingInHours * HOUR).toISOString(),
      meetingUrl: accepted.meetingUrl,
    });
  }
  if (declinedHoursAgo !== undefined) {
    const declinedAt = hoursAgo(declinedHoursAgo);
    await applyMarketplaceEvent(at(declinedAt), connector, {
      id: id("declined"),
      type: "client-declined",
      applicationId,
      declinedAt: declinedAt.toISOString(),
    });
  }
};
