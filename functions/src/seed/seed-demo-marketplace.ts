import {
  clientAccepted,
  clientDeclined,
  type Opportunity,
  receiveApplication,
  type Settings,
} from "@dealflow/core";
import { routeOpportunity } from "../features/routing/index.js";
import { systemActor } from "../service-kit/acting-context.js";
import type { Store } from "../storage/store.js";
import {
  commitDemoHistory,
  demoContext,
  demoHistoryStore,
  demoServiceDeps,
} from "./demo-context.js";
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
 * yesterday, whose offers still wait for Ana, Luis and the partner agency.
 * `settings` must hold DEMO_CONNECTOR.
 */
export const seedDemoMarketplace = async (
  store: Store,
  settings: Settings,
  now: Date,
  routedOpportunityId: string,
): Promise<void> => {
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * HOUR);
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
    await playApplication(store, settings, now, application);
  }

  const routedAt = hoursAgo(DEMO_OFFERS_SENT_HOURS_AGO);
  await routeOpportunity(
    demoServiceDeps(demoHistoryStore(store), routedAt),
    systemActor(DEMO_TENANT_ID),
    routedOpportunityId,
    { mode: "automatic", criteria: DEMO_ROUTING_CRITERIA },
  );
};

/** One application as the connector's events would have told it, at their past moments. */
const playApplication = async (
  store: Store,
  settings: Settings,
  now: Date,
  application: DemoApplication,
): Promise<void> => {
  const hoursAgo = (hours: number) => new Date(now.getTime() - hours * HOUR);
  const appliedAt = hoursAgo(application.appliedHoursAgo);
  const received = receiveApplication(
    {
      ...application.submitted,
      connectorKey: DEMO_CONNECTOR.key,
      appliedAt,
      ownerId: DEMO_USERS.luis.id,
    },
    demoContext(settings, appliedAt, null),
  );
  await commitDemoHistory(store, received);

  const { accepted, declinedHoursAgo } = application;
  if (accepted) {
    const opportunity = await reload(store, received.value.id);
    const contact = await store.getContact(DEMO_TENANT_ID, opportunity.contact.id);
    if (!contact) throw new Error(`seed: the client of ${opportunity.id} vanished`);
    const outcome = clientAccepted(
      {
        opportunity,
        contact,
        meetingAt: new Date(now.getTime() + accepted.meetingInHours * HOUR),
        meetingUrl: accepted.meetingUrl,
      },
      demoContext(settings, hoursAgo(accepted.hoursAgo), null),
    );
    // Its calendar intent is not executed: the demo has no mailbox to put the meeting in.
    await commitDemoHistory(store, outcome);
  }
  if (declinedHoursAgo !== undefined) {
    const declinedAt = hoursAgo(declinedHoursAgo);
    const outcome = clientDeclined(
      { opportunity: await reload(store, received.value.id), declinedAt },
      demoContext(settings, declinedAt, null),
    );
    await commitDemoHistory(store, outcome);
  }
};

const reload = async (store: Store, id: string): Promise<Opportunity> => {
  const opportunity = await store.getOpportunity(DEMO_TENANT_ID, id);
  if (!opportunity) throw new Error(`seed: opportunity ${id} vanished`);
  return opportunity;
};
