import type { Settings } from "@dealflow/core";
import { createKeyedLock } from "../../service-kit/keyed-lock.js";
import { allUsers } from "../../storage/all-users.js";
import type { Store } from "../../storage/store.js";
import type { FormIndex, FormIndexRow } from "../../storage/tenants-table/form-index.js";

const activeSellers = async (store: Store, tenantId: string, settings: Settings) =>
  (await allUsers(store, tenantId))
    .filter(
      (user) => user.active && user.role === "seller" && !settings.managerIds.includes(user.id),
    )
    .sort((a, b) => a.id.localeCompare(b.id));

// In this process, a form's leads move its cursor one at a time, each from the row the last
// one wrote (its ETag known): a burst of leads on one form costs one write each, where racing
// cost a read and a write per lost race, and after five lost races the lead fell to the first
// seller, so a burst went mostly to one person. Other instances still race through the ETag.
const turns = createKeyedLock();
const lastWritten = new Map<string, FormIndexRow>();

/**
 * The next active seller after the one who got the form's last lead. The cursor sits in the
 * form's index row and moves by an ETag-conditional write, so two leads arriving at once on
 * different instances go to different sellers; on a lost race the row is read again and the
 * choice made again. No active seller: the lead stays unassigned for a manager (or a Claim).
 */
export const nextRoundRobinOwner = async (
  store: Store,
  forms: FormIndex,
  row: FormIndexRow,
  settings: Settings,
): Promise<string | null> => {
  const sellers = await activeSellers(store, row.tenantId, settings);
  if (sellers.length === 0) return null;
  return turns(row.key, async () => {
    let current: FormIndexRow | null = lastWritten.get(row.key) ?? row;
    for (let attempt = 0; attempt < 5 && current !== null; attempt += 1) {
      const last = current.lastOwnerId;
      const next = sellers.find((seller) => last === null || seller.id > last) ?? sellers[0];
      if (next === undefined) return null;
      const moved = await forms.advanceCursor(current, next.id);
      if (moved !== "lost") {
        lastWritten.set(row.key, moved);
        return next.id;
      }
      current = await forms.get(row.key);
    }
    lastWritten.delete(row.key);
    // Heavy contention across instances: taking the lead matters more than fairness here.
    return sellers[0]?.id ?? null;
  });
};
