import { createOpportunity } from "@dealflow/core";
import { benchContext } from "./bench-data.js";
import { type BenchCase, fixed } from "./bench-kit.js";

const COUNT = 50;

/**
 * Storage round trips (HTTP requests to Table Storage) to create one opportunity through
 * the real use case and commit: deadline hints first, then one entity-group transaction.
 */
export const createOpportunityOperations: BenchCase = {
  name: "create-opportunity-operations",
  async run(ctx) {
    const store = await ctx.newStore();
    const tenantId = "bench-create";
    // Real time: the store files hints already due under the current hour, so a clock in
    // the past would merge every bucket into one and flatter the count.
    const start = Date.now();
    const measure = async (withTask: boolean) => {
      let operations = 0;
      let rows = 0;
      for (let i = 0; i < COUNT; i++) {
        const now = new Date(start + i * 1_000);
        const outcome = createOpportunity(
          {
            contact: { name: `Lead ${i}`, email: `lead${i}@example.com` },
            source: "referral",
            ownerId: "ana",
            origin: "manual",
            ...(withTask
              ? { nextTask: { kind: "call" as const, dueAt: new Date(now.getTime() + 86_400_000) } }
              : {}),
          },
          benchContext(tenantId, now),
        );
        const before = store.operations.count;
        await store.commit(tenantId, outcome);
        operations += store.operations.count - before;
        rows += outcome.changes.length;
      }
      return { operations: operations / COUNT, records: rows / COUNT };
    };
    const plain = await measure(false);
    const withTask = await measure(true);
    return {
      title: "Storage operations per opportunity created",
      description: `HTTP requests to Table Storage per opportunity created through \`createOpportunity\` and \`store.commit\`, averaged over ${COUNT} creations each.`,
      headers: ["creation", "records written", "storage operations"],
      rows: [
        ["contact + opportunity + activity", fixed(plain.records, 1), fixed(plain.operations)],
        ["… and a next task", fixed(withTask.records, 1), fixed(withTask.operations)],
      ],
      notes: [
        "One operation is the entity-group transaction holding every record and index row; the others write the deadline hints, one transaction per due-hour bucket (the first-contact target and escalation usually fall in different hours, and a next task adds its own).",
      ],
    };
  },
};
