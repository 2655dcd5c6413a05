import {
  type ChangeSet,
  dailyDigest,
  endOfLocalDay,
  isDigestRun,
  isDomainError,
  type User,
  userTimeZone,
} from "@dealflow/core";
import { allUsers } from "../storage/all-users.js";
import type { Store } from "../storage/store.js";

export type DigestReport = { sent: number; repeated: number };

const activeUsers = async (store: Store, tenantId: string): Promise<User[]> =>
  (await allUsers(store, tenantId)).filter((user) => user.active);

/**
 * The quarter-hourly agenda run (SPEC §4.3): every user for whom it is 08:00 in their own zone
 * (their record's, else the tenant's; read each run, so a changed zone needs no rescheduling)
 * gets one outbox row listing their overdue and today's tasks. Its id is the user and local
 * date, so a repeated run (a retry, two hosts) finds the row there and sends nothing twice; the
 * commit keeps its relay hint, because the next run is not the 08:00 one and would not re-send it.
 */
export const runDailyDigest = async (store: Store, now: Date): Promise<DigestReport> => {
  const report: DigestReport = { sent: 0, repeated: 0 };
  for (const tenant of await store.tenants.list()) {
    const settings = await store.getSettings(tenant.tenantId);
    const users = await activeUsers(store, tenant.tenantId);
    for (const user of users) {
      const timeZone = userTimeZone(user, settings);
      if (!isDigestRun(now, timeZone)) continue;
      // One task is enough to know the day is not empty; the card lists them at delivery.
      const tasks = await store.listOpenTasksByOwner(
        tenant.tenantId,
        user.id,
        { to: endOfLocalDay(now, timeZone) },
        { limit: 1 },
      );
      const digest = dailyDigest(user, settings, tasks.items, now);
      if (digest === null) continue;
      const changeSet: ChangeSet = {
        changes: [{ entity: "notification", before: null, after: digest }],
        schedule: [],
        cancel: [],
      };
      try {
        await store.commit(tenant.tenantId, changeSet);
        report.sent += 1;
      } catch (error) {
        if (!isDomainError(error) || error.code !== "already-exists") throw error;
        report.repeated += 1;
      }
    }
  }
  return report;
};
