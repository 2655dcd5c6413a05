import type { ChangeSet, User, Viewer } from "@dealflow/core";
import { ulidGenerator } from "@dealflow/core";
import type { ServiceDeps } from "../service-kit/service-deps.js";
import type { Store } from "../storage/store.js";
import { DEMO_TENANT_ID, DEMO_USERS } from "./demo-tenant.js";

/** A demo user as the services see whoever acts: tenant, id, role (no teams in the demo). */
export const demoViewer = (user: User): Viewer => ({
  tenantId: user.tenantId,
  userId: user.id,
  role: user.role,
  teamIds: [],
});

/**
 * Commits one step of the demo's history. History is loaded, not happening: nobody is
 * notified of it, neither through the timeline's cards nor through outbox rows a use case
 * writes itself (an offer's card): the bot would post yesterday's news on every first start.
 */
export const commitDemoHistory = (
  store: Store,
  outcome: ChangeSet,
): ReturnType<Store["commit"]> => {
  const changes = outcome.changes.filter((change) => change.entity !== "notification");
  return store.commit(
    DEMO_TENANT_ID,
    { changes, schedule: outcome.schedule, cancel: outcome.cancel },
    { notify: false },
  );
};

const demoUsers = new Map(Object.values(DEMO_USERS).map((user) => [user.id, user]));

/**
 * The store as the feature services see it while the demo's history replays: every commit is
 * history (above), and the demo users exist from the start of that history, though they are
 * written last, because they mark the tenant as seeded.
 */
export const demoHistoryStore = (store: Store): Store => ({
  ...store,
  commit: (_tenantId, changeSet) => commitDemoHistory(store, changeSet),
  getUser: async (tenantId, id) =>
    (tenantId === DEMO_TENANT_ID ? demoUsers.get(id) : undefined) ?? store.getUser(tenantId, id),
});

/** A feature service's deps for one step of the history: acting at `at`, ids stamped then. */
export const demoServiceDeps = (history: Store, at: Date): ServiceDeps => ({
  store: history,
  clock: () => at,
  ids: ulidGenerator(() => at.getTime()),
});
