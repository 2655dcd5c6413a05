import { isNotFound, statusOf } from "../../storage/storage-errors.js";
import type { TableStorage } from "../../storage/table-storage.js";
import type { EventAnswer } from "./connector-events.js";

/**
 * The events each connector has already applied, by the marketplace's event id, in the
 * Tenants table (PartitionKey `marketplace-event|{connectorKey}`: connector keys are global).
 * A replay answers what the first delivery answered and writes nothing. The row is written
 * after the change commits; if the process dies in between, the replay runs the use case
 * again, which finds its change already there and writes nothing (every use case is
 * idempotent on its own), so the log is an answer cache, never the only guard.
 */
type Entity = { tenantId: string; status: number; answer: string; receivedAt: string };

export type LoggedEvent = { status: number; answer: EventAnswer };

export const createEventLog = (storage: TableStorage) => {
  const table = () => storage.table("tenants");
  const partition = (connectorKey: string) => `marketplace-event|${connectorKey}`;
  return {
    async find(connectorKey: string, eventId: string): Promise<LoggedEvent | null> {
      try {
        const row = await table().getEntity<Entity>(partition(connectorKey), eventId);
        return { status: row.status, answer: JSON.parse(row.answer) as EventAnswer };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
    },
    /** Records the first answer; a concurrent first delivery that wrote it already wins. */
    async record(
      connectorKey: string,
      tenantId: string,
      logged: LoggedEvent,
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

export type EventLog = ReturnType<typeof createEventLog>;
