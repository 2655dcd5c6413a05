import { defaultSettings, type Opportunity, type Settings } from "@dealflow/core";
import { recordFirstContact } from "../features/first-contact/index.js";
import { addNote } from "../features/note/index.js";
import { changeStage, createOpportunity } from "../features/opportunity/index.js";
import { addFollower, addParticipant, followOpportunity } from "../features/roles/index.js";
import { completeTask, createTask } from "../features/task/index.js";
import { systemActor } from "../service-kit/acting-context.js";
import type { ServiceDeps } from "../service-kit/service-deps.js";
import { createStore, type Store } from "../storage/store.js";
import type { TableStorage } from "../storage/table-storage.js";
import { clearTenantPartition } from "../storage/tenant-reset.js";
import { demoHistoryStore, demoServiceDeps, demoViewer } from "./demo-context.js";
import { DEMO_CONNECTOR } from "./demo-marketplace.js";
import { type DemoPlan, demoPlans } from "./demo-plans.js";
import { DEMO_CLIENTS, DEMO_TENANT_ID, DEMO_USERS } from "./demo-tenant.js";
import { seedDemoMarketplace } from "./seed-demo-marketplace.js";

export type SeedResult = { seeded: boolean; tenantId: string };

const HOUR = 3_600_000;

/**
 * Seeds the demo tenant when it is empty (SEED=demo): the three demo users and ~40
 * opportunities in every stage, status and source, made by the real use cases at the times
 * they would have happened, so the data obeys every rule (deadlines, tasks, timelines); then
 * a marketplace with applications in each visibility state, the routing catalog and one
 * routed lead (seed-demo-marketplace.ts). The users are written last: they mark the tenant
 * as seeded.
 */
export const seedDemoTenantIfEmpty = async (
  storage: TableStorage,
  now: Date,
): Promise<SeedResult> => {
  // The services read the tenant's settings at every step; nobody else changes them meanwhile.
  const store = createStore(storage, () => new Date(), { settingsTtlMs: 60_000 });
  const tenantId = DEMO_TENANT_ID;
  if (await store.getUser(tenantId, DEMO_USERS.marta.id)) return { seeded: false, tenantId };
  // No users but rows: an earlier first start died half-way. Start the demo over.
  await clearTenantPartition(storage, tenantId);

  await store.tenants.register({ tenantId, name: "Dealflow demo", createdAt: now.toISOString() });
  const settings: Settings = {
    ...defaultSettings(),
    timeZone: "Europe/Madrid",
    marketplaces: [DEMO_CONNECTOR],
    // Listed as well as holding the role: the bot, which sees no tokens, trusts a role only a
    // day after a token confirmed it (core's storedRole); the Playground's Marta stays a manager.
    managerIds: [DEMO_USERS.marta.id],
  };
  await store.commit(tenantId, {
    changes: [{ entity: "settings", before: null, after: settings }],
    schedule: [],
    cancel: [],
  });
  const seeder = new DemoSeeder(store, now);
  const plans = demoPlans();
  for (const plan of plans) await seeder.play(plan);
  // The unassigned lead nobody claimed for two days: routed automatically yesterday.
  const unassigned = seeder.opportunityOfPlan(plans.findIndex((plan) => plan.owner === null));
  await seedDemoMarketplace(store, now, unassigned);
  await store.commit(tenantId, {
    changes: Object.values(DEMO_USERS).map((user) => ({
      entity: "user" as const,
      before: null,
      after: user,
    })),
    schedule: [],
    cancel: [],
  });
  return { seeded: true, tenantId };
};

class DemoSeeder {
  private readonly created: Opportunity[] = [];
  private readonly history: Store;

  constructor(
    store: Store,
    private readonly now: Date,
  ) {
    this.history = demoHistoryStore(store);
  }

  /** A feature service's deps at a past moment of the demo's history. */
  private at(moment: Date): ServiceDeps {
    return demoServiceDeps(this.history, moment);
  }

  /** The id of the opportunity a plan made, by the plan's index. */
  opportunityOfPlan(index: number): string {
    const opportunity = this.created[index];
    if (!opportunity) throw new Error(`seed: no opportunity for plan ${index}`);
    return opportunity.id;
  }

  async play(plan: DemoPlan): Promise<void> {
    const [name, company, email, phone, preferredChannel] =
      DEMO_CLIENTS[plan.client] ?? DEMO_CLIENTS[0] ?? [];
    const owner = plan.owner ? DEMO_USERS[plan.owner] : null;
    const receivedAt = new Date(this.now.getTime() - plan.receivedHoursAgo * HOUR);
    const at = (hoursAfterReception: number) =>
      new Date(Math.min(receivedAt.getTime() + hoursAfterReception * HOUR, this.now.getTime()));

    // Web forms and marketplaces arrive through intake (no actor); the rest are typed in.
    const byIntake = plan.source === "web-form" || plan.source === "marketplace" || owner === null;
    const created = await createOpportunity(
      this.at(receivedAt),
      byIntake ? systemActor(DEMO_TENANT_ID) : demoViewer(owner),
      {
        contact: { name: name ?? "Demo client", company, email, phone, preferredChannel },
        source: plan.source,
        campaign: plan.campaign,
        ownerId: owner?.id ?? null,
        receivedAt,
        value: plan.value ? { amount: plan.value, currency: "EUR" } : null,
        tags: plan.tags,
        origin: byIntake ? "intake" : "manual",
      },
    );
    const opportunity = created.opportunity;
    this.created.push(opportunity);
    const actor = owner ?? DEMO_USERS.marta;

    if (plan.firstContact) {
      const contactedAt = at(plan.firstContactAfterHours ?? 1);
      const viewer = demoViewer(actor);
      await recordFirstContact(this.at(contactedAt), viewer, opportunity.id, plan.firstContact);
    }
    if (plan.stage) {
      const movedAt = at(plan.firstContactAfterHours ? plan.firstContactAfterHours + 24 : 30);
      await changeStage(this.at(movedAt), demoViewer(actor), opportunity.id, plan.stage);
    }
    for (const text of plan.notes ?? []) {
      await addNote(this.at(at(2)), demoViewer(actor), opportunity.id, text);
    }
    if (plan.participantOf !== undefined) {
      const other = this.created[plan.participantOf];
      if (other) {
        const viewer = demoViewer(actor);
        await addParticipant(this.at(at(3)), viewer, opportunity.id, other.contact.id);
      }
    }
    for (const follower of plan.followers ?? []) {
      const user = DEMO_USERS[follower];
      // A manager follows on their own; a seller is added by the opportunity's owner.
      if (user.role === "manager") {
        await followOpportunity(this.at(at(1)), demoViewer(user), opportunity.id);
      } else {
        await addFollower(this.at(at(1)), demoViewer(actor), opportunity.id, user.id);
      }
    }
    for (const task of plan.tasks ?? []) {
      const createdAt = new Date(
        Math.min(this.now.getTime(), this.now.getTime() + (task.dueInHours - 48) * HOUR),
      );
      const created = await createTask(this.at(createdAt), demoViewer(actor), {
        opportunityId: opportunity.id,
        kind: task.kind,
        title: task.title,
        dueAt: new Date(this.now.getTime() + task.dueInHours * HOUR),
        ownerId: null,
      });
      if (task.completeWith !== undefined) {
        // Done when it fell due, as its owner would have done it.
        const doneAt = new Date(
          Math.max(Date.parse(created.task.dueAt), Date.parse(created.task.createdAt)),
        );
        await completeTask(this.at(doneAt), demoViewer(actor), created.task.id, task.completeWith);
      }
    }
  }
}
