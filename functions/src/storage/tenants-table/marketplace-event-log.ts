import { partitionKeyOf } from "../row-kinds.js";
import { isNotFound, statusOf } from "../storage-errors.js";
import type { TableStorage } from "../table-storage.js";

/**
 * The events each connector has already applied, by the marketplace's event id, in the
 * Tenants table (PartitionKey `marketplace-event|{connectorKey}`: connector keys are global).
 * A replay answers what the first delivery answered and writes nothing. The row is written
 * after the change commits; if the process dies in between, the replay runs the use case
 * again, which finds its change already there and writes nothing (every use case is
 * idempotent on its own), so the log is an answer cache, never the only guard.
 */
type Entity = { tenantId: string; status: number; answer: string; receivedAt: string };

/** The answer given to an event; its shape is the route's (api/marketplace/connector-events.ts). */
export type LoggedEvent<A extends { eventId: string }> = { status: number; answer: A };

export const createMarketplaceEventLog = (storage: TableStorage) => {
  const table = () => storage.table("tenants");
  const partition = (connectorKey: string) => partitionKeyOf("marketplaceEvent", connectorKey);
  return {
    /** The answer recorded for the event, as the route recorded it. */
    async find<A extends { eventId: string }>(
      connectorKey: string,
      eventId: string,
    ): Promise<LoggedEvent<A> | null> {
      try {
        const row = await table().getEntity<Entity>(partition(connectorKey), eventId);
        return { status: row.status, answer: JSON.parse(row.answer) as A };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    /** Records the first answer; a concurrent first delivery that wrote it already wins. */
    async record<A extends { eventId: string }>(
      connectorKey: string,
      tenantId: string,
      logged: LoggedEvent<A>,
      receivedAt: Date,
    ): Promise<void> {
      try {
        await table().createEntity<Entity>({
          partitionKey: partition(connectorKey),
          rowKey: logged.answer.eventId,
          tenantId,
          status: logged.status,
          answer: JSON.stringify(logged.answer),
          receivedAt: receivedAt.toISOString(),
        });
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
      }
    },
  };
};

export type MarketplaceEventLog = ReturnType<typeof createMarketplaceEventLog>;
