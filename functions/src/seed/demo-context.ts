import type { ChangeSet, Settings, UseCaseContext, User } from "@dealflow/core";
import { ulidGenerator } from "@dealflow/core";
import type { Store } from "../storage/store.js";
import { DEMO_TENANT_ID } from "./demo-tenant.js";

/** A use case's context in the demo tenant at a past moment: a demo user, or the system. */
export const demoContext = (settings: Settings, at: Date, actor: User | null): UseCaseContext => ({
  now: at,
  actor: actor
    ? { tenantId: actor.tenantId, userId: actor.id, role: actor.role, teamIds: [] }
    : null,
  tenantId: DEMO_TENANT_ID,
  settings,
  ids: ulidGenerator(() => at.getTime()),
});

/**
 * Commits one step of the demo's history. History is loaded, not happening: nobody is
 * notified of it, neither through the timeline's cards nor through outbox rows a use case
 * writes itself (an offer's card): the bot would post yesterday's news on every first start.
 */
export const commitDemoHistory = async (store: Store, outcome: ChangeSet): Promise<void> => {
  const changes = outcome.changes.filter((change) => change.entity !== "notification");
  await store.commit(
    DEMO_TENANT_ID,
    { changes, schedule: outcome.schedule, cancel: outcome.cancel },
    { notify: false },
  );
};
