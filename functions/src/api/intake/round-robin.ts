import type { Settings } from "@dealflow/core";
import { allUsers } from "../../storage/all-users.js";
import type { Store } from "../../storage/store.js";
import type { FormIndex, FormIndexRow } from "../../storage/tenants-table/form-index.js";

const activeSellers = async (store: Store, tenantId: string, settings: Settings) =>
  (await allUsers(store, tenantId))
    .filter(
      (user) => user.active && user.role === "seller" && !settings.managerIds.includes(user.id),
    )
    .sort((a, b) => a.id.localeCompare(b.id));

/**
 * The next active seller after the one who got the form's last lead. The cursor sits in the
 * form's index row and moves by an ETag-conditional write, so two leads arriving at once on
 * different instances go to different sellers; on a lost race the choice is made again.
 * No active seller: the lead stays unassigned for a manager (or a Claim) to take.
 */
export const nextRoundRobinOwner = async (
  store: Store,
  forms: FormIndex,
  row: FormIndexRow,
  settings: Settings,
): Promise<string | null> => {
  const sellers = await activeSellers(store, row.tenantId, settings);
  if (sellers.length === 0) return null;
  let current: FormIndexRow | null = row;
  for (let attempt = 0; attempt < 5 && current !== null; attempt += 1) {
    const last = current.lastOwnerId;
    const next = sellers.find((seller) => last === null || seller.id > last) ?? sellers[0];
    if (next === undefined) return null;
    if (await forms.advanceCursor(current, next.id)) return next.id;
    current = await forms.get(row.key);
  }
  // Heavy contention: fairness matters less than taking the lead; the first seller gets it.
  return sellers[0]?.id ?? null;
};
