import { keyPart, prefixRange, rangeFilter } from "../keys.js";
import { partitionKeyOf } from "../row-kinds.js";
import type { TableStorage } from "../table-storage.js";

type PeerRow = { rowKey?: string; activeAt?: string; fraction?: number; spillUntil?: string };

/**
 * An instance sending for a tenant, the part of Teams' limits it said it uses, and until when
 * sends it booked under a larger part may still leave (it lowered its part since).
 */
export type LimiterPeer = { instanceId: string; fraction: number; spillUntil: number };

/**
 * Which app instances are sending bot cards for a tenant (partition `limiter` of Tenants,
 * RowKey `<tenant>|<instance>`, the time it last said so). Teams counts its limits per bot and
 * tenant, across every instance; each instance keeps to its share (functions/src/bot/
 * limiter-peers.ts). One row per instance and tenant, rewritten, never more.
 */
export const createLimiterPeerLog = (storage: TableStorage) => {
  const table = () => storage.table("tenants");
  const partition = partitionKeyOf("limiterPeer");
  const prefix = (tenantId: string) => `${keyPart(tenantId, "tenantId")}|`;
  return {
    async mark(
      tenantId: string,
      instanceId: string,
      at: Date,
      part: { fraction: number; spillUntil: number },
    ): Promise<void> {
      await table().upsertEntity(
        {
          partitionKey: partition,
          rowKey: prefix(tenantId) + keyPart(instanceId, "instanceId"),
          activeAt: at.toISOString(),
          fraction: part.fraction,
          spillUntil: new Date(part.spillUntil).toISOString(),
        },
        "Replace",
      );
    },
    /**
     * Deletes the rows of instances idle since before `before`, over all tenants (a restarted
     * process is a new instance, so rows would otherwise pile up); returns how many.
     */
    async purgeIdle(before: Date): Promise<number> {
      const idle: { partitionKey: string; rowKey: string }[] = [];
      const rows = table().listEntities<PeerRow>({
        queryOptions: {
          filter: `PartitionKey eq '${partition}'`,
          select: ["RowKey", "activeAt"],
        },
      });
      for await (const row of rows) {
        if (row.rowKey && (!row.activeAt || Date.parse(row.activeAt) < before.getTime()))
          idle.push({ partitionKey: partition, rowKey: row.rowKey });
      }
      for (let i = 0; i < idle.length; i += 100) {
        await table().submitTransaction(
          idle.slice(i, i + 100).map((entity) => ["delete", entity] as const),
        );
      }
      return idle.length;
    },
    /** The instances that marked the tenant at or after `since`, in one range read. */
    async activeSince(tenantId: string, since: Date): Promise<LimiterPeer[]> {
      const range = prefixRange(prefix(tenantId));
      const active: LimiterPeer[] = [];
      const rows = table().listEntities<PeerRow>({
        queryOptions: {
          filter: rangeFilter(partition, range.from, range.to),
          select: ["RowKey", "activeAt", "fraction", "spillUntil"],
        },
      });
      for await (const row of rows) {
        if (row.rowKey && row.activeAt && Date.parse(row.activeAt) >= since.getTime())
          active.push({
            instanceId: row.rowKey.slice(prefix(tenantId).length),
            fraction: typeof row.fraction === "number" ? row.fraction : 1,
            spillUntil: row.spillUntil ? Date.parse(row.spillUntil) : 0,
          });
      }
      return active;
    },
  };
};

export type LimiterPeerLog = ReturnType<typeof createLimiterPeerLog>;
