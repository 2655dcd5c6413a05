import type { TableStorage } from "../storage/table-storage.js";

export type SeedResult = { seeded: boolean; tenantId: string };

/** Seeds the demo tenant when it is empty (SEED=demo). Filled in by the Foundation issue. */
export const seedDemoTenantIfEmpty = async (
  _storage: TableStorage,
  _now: Date,
): Promise<SeedResult> => ({ seeded: false, tenantId: "" });
