import {
  addFollower,
  addNote,
  addParticipant,
  changeStage,
  completeTask,
  createOpportunity,
  createTask,
  defaultSettings,
  followOpportunity,
  type Opportunity,
  type Outcome,
  recordFirstContact,
  type Settings,
  type TaskOutcome,
  type UseCaseContext,
  type User,
} from "@dealflow/core";
import { createStore, type Store } from "../storage/store.js";
import type { TableStorage } from "../storage/table-storage.js";
import { clearTenantPartition } from "../storage/tenant-reset.js";
import { commitDemoHistory, demoContext } from "./demo-context.js";
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
  const store = createStore(storage);
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
  const seeder = new DemoSeeder(store, settings, now);
  const plans = demoPlans();
  for (const plan of plans) await seeder.play(plan);
  // The unassigned lead nobody claimed for two days: routed automatically yesterday.
  const unassigned = seeder.opportunityOfPlan(plans.findIndex((plan) => plan.owner === null));
  await seedDemoMarketplace(store, settings, now, unassigned);
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

  constructor(
    private readonly store: Store,
    private readonly settings: Settings,
    private readonly now: Date,
  ) {}

  private ctx(at: Date, actor: User | null): UseCaseContext {
    return demoContext(this.settings, at, actor);
  }

  private async apply<T>(outcome: Outcome<T>): Promise<T> {
    await commitDemoHistory(this.store, outcome);
    return outcome.value;
  }

  /** The id of the opportunity a plan made, by the plan's index. */
  opportunityOfPlan(index: number): string {
    const opportunity = this.created[index];
    if (!opportunity) throw new Error(`seed: no opportunity for plan ${index}`);
    return opportunity.id;
  }

  private async reload(id: string): Promise<Opportunity> {
    const opportunity = await this.store.getOpportunity(DEMO_TENANT_ID, id);
    if (!opportunity) throw new Error(`seed: opportunity ${id} vanished`);
    return opportunity;
  }

  private async openTasks(opportunityId: string) {
    const page = await this.store.listTasksOfOpportunity(DEMO_TENANT_ID, opportunityId);
    return page.items.filter((task) => task.status === "open");
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
    let opportunity = await this.apply(
      createOpportunity(
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
        this.ctx(receivedAt, byIntake ? null : owner),
      ),
    );
    this.created.push(opportunity);
    const actor = owner ?? DEMO_USERS.marta;

    if (plan.firstContact) {
      opportunity = await this.reload(opportunity.id);
      await this.apply(
        recordFirstContact(
          { opportunity, openTasks: await this.openTasks(opportunity.id), ...plan.firstContact },
          this.ctx(at(plan.firstContactAfterHours ?? 1), actor),
        ),
      );
    }
    if (plan.stage) {
      await this.apply(
        changeStage(
          { opportunity: await this.reload(opportunity.id), stageId: plan.stage },
          this.ctx(at(plan.firstContactAfterHours ? plan.firstContactAfterHours + 24 : 30), actor),
        ),
      );
    }
    for (const text of plan.notes ?? []) {
      await this.apply(
        addNote({ opportunity: await this.reload(opportunity.id), text }, this.ctx(at(2), actor)),
      );
    }
    if (plan.participantOf !== undefined) {
      const other = this.created[plan.participantOf];
      const contact = other ? await this.store.getContact(DEMO_TENANT_ID, other.contact.id) : null;
      if (contact) {
        await this.apply(
          addParticipant(
            { opportunity: await this.reload(opportunity.id), contact },
            this.ctx(at(3), actor),
          ),
        );
      }
    }
    for (const follower of plan.followers ?? []) {
      const user = DEMO_USERS[follower];
      const current = await this.reload(opportunity.id);
      const outcome =
        user.role === "manager"
          ? followOpportunity({ opportunity: current }, this.ctx(at(1), user))
          : addFollower({ opportunity: current, userId: user.id }, this.ctx(at(1), actor));
      await this.apply(outcome);
    }
    for (const task of plan.tasks ?? []) {
      const current = await this.reload(opportunity.id);
      const created = await this.apply(
        createTask(
          {
            opportunity: current,
            kind: task.kind,
            title: task.title,
            dueAt: new Date(this.now.getTime() + task.dueInHours * HOUR),
          },
          this.ctx(
            new Date(
              Math.min(this.now.getTime(), this.now.getTime() + (task.dueInHours - 48) * HOUR),
            ),
            actor,
          ),
        ),
      );
      if (task.completeWith !== undefined)
        await this.complete(created.id, current.id, task.completeWith, actor);
    }
  }

  private async complete(
    taskId: string,
    opportunityId: string,
    outcome: TaskOutcome | null,
    actor: User,
  ) {
    const task = await this.store.getTask(DEMO_TENANT_ID, taskId);
    if (!task) return;
    const contact = task.contactId
      ? await this.store.getContact(DEMO_TENANT_ID, task.contactId)
      : null;
    const openTasks = task.contactId
      ? (await this.store.listOpenTasksOfContact(DEMO_TENANT_ID, task.contactId)).items
      : [];
    await this.apply(
      completeTask(
        { task, outcome, contact, opportunity: await this.reload(opportunityId), openTasks },
        this.ctx(new Date(Math.max(Date.parse(task.dueAt), Date.parse(task.createdAt))), actor),
      ),
    );
  }
}
