import { createOutboxCalendar } from "../graph/outbox-calendar.js";
import { queuePublisher } from "../notifications/notifications-queue.js";
import { createQueueSender } from "../storage/queue-sender.js";
import { createStore } from "../storage/store.js";
import { createTableStorage } from "../storage/table-storage.js";
import { runSweep, type SweepReport } from "./sla-sweep.js";

/**
 * One SLA sweep now against the storage behind `connectionString`, outside any timer: what
 * `npm run sweep` runs (host/src/sweep-command.ts finds the storage and prints the report).
 */
export const sweepOnce = async (options: {
  connectionString: string;
  leaseSeconds: number;
}): Promise<SweepReport> => {
  const storage = createTableStorage({ connectionString: options.connectionString });
  await storage.ensureTables();
  const queue = createQueueSender(options.connectionString);
  const clock = () => new Date();
  const store = createStore(storage, clock, { publish: queuePublisher(queue) });
  return runSweep({
    store,
    // Rows committed before (the relay, repeated firings): their messages say so.
    publish: queuePublisher(queue, { resend: true }),
    clock,
    leaseSeconds: options.leaseSeconds,
    // The local host's: a revealed client's meeting goes to the dev outbox, as under npm start.
    calendar: createOutboxCalendar(store.mailOutbox, clock),
    log: console,
  });
};
