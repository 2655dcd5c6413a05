import {
  changeOwner,
  createOpportunity,
  createTask,
  defaultSettings,
  type Opportunity,
  recordFirstContact,
  sequentialIds,
  type UseCaseContext,
} from "@dealflow/core";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestStore, newTenantId } from "../../../tests/support/test-storage.js";
import type { Store } from "./store.js";

const NOW = new Date("2026-03-02T09:00:00.000Z");
const OPEN_TASKS = 25;

/**
 * Use cases that touch every open task of an opportunity must still fit one entity-group
 * transaction (100 rows) for a realistic number of tasks, or they could never be committed.
 */
describe("change sets that touch many tasks fit one transaction", () => {
  let store: Store;
  let tenant: string;
  let ctx: UseCaseContext;

  beforeAll(async () => {
    store = await createTestStore(() => NOW);
  });

  const busyOpportunity = async (): Promise<Opportunity> => {
    tenant = newTenantId();
    ctx = {
      now: NOW,
      actor: { tenantId: tenant, userId: "marta", role: "manager", teamIds: [] },
      tenantId: tenant,
      settings: defaultSettings(),
      ids: sequentialIds(`x${tenant.slice(0, 4)}`),
    };
    const created = createOpportunity(
      {
        contact: { name: "Lucía Fernández" },
        source: "referral",
        ownerId: "ana",
        origin: "manual",
      },
      ctx,
    );
    await store.commit(tenant, created);
    for (let i = 0; i < OPEN_TASKS; i++) {
      const opportunity = await store.getOpportunity(tenant, created.value.id);
      if (!opportunity) throw new Error("not written");
      const task = createTask(
        {
          opportunity,
          kind: "call",
          dueAt: new Date(NOW.getTime() + (i + 1) * 3_600_000),
          ownerId: "ana",
        },
        ctx,
      );
      await store.commit(tenant, task);
    }
    const opportunity = await store.getOpportunity(tenant, created.value.id);
    if (!opportunity) throw new Error("not written");
    return opportunity;
  };

  it(`hands an opportunity with ${OPEN_TASKS} open tasks to a new owner, tasks included`, async () => {
    const opportunity = await busyOpportunity();
    const openTasks = (await store.listTasksOfOpportunity(tenant, opportunity.id)).items;
    expect(openTasks).toHaveLength(OPEN_TASKS);

    await store.commit(tenant, changeOwner({ opportunity, ownerId: "luis", openTasks }, ctx));

    const luisAgenda = await store.listOpenTasksByOwner(tenant, "luis", {});
    const anaAgenda = await store.listOpenTasksByOwner(tenant, "ana", {});
    expect(luisAgenda.items).toHaveLength(OPEN_TASKS);
    expect(anaAgenda.items).toHaveLength(0);
  });

  it(`discards an opportunity with ${OPEN_TASKS} open tasks, cancelling them all`, async () => {
    const opportunity = await busyOpportunity();
    const openTasks = (await store.listTasksOfOpportunity(tenant, opportunity.id)).items;

    await store.commit(
      tenant,
      recordFirstContact({ opportunity, openTasks, action: "discard", reason: "spam" }, ctx),
    );

    const tasks = (await store.listTasksOfOpportunity(tenant, opportunity.id)).items;
    expect(tasks.map((task) => task.status)).toEqual(Array(OPEN_TASKS).fill("cancelled"));
    expect((await store.listOpenTasksByOwner(tenant, "ana", {})).items).toHaveLength(0);
  });
});
