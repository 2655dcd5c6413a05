import {
  type Contact,
  createOpportunity,
  createTask,
  type MarketplaceApplication,
  newContact,
  type Opportunity,
  snapshotOf,
  type Task,
  type TaskKind,
  type UseCaseContext,
  type User,
  ulidGenerator,
} from "@dealflow/core";
import type { ApiHarness, TestUser } from "../../../tests/support/api-harness.js";

const ids = ulidGenerator();

/** The system acting in a tenant at the harness's clock: arranges data without permissions. */
const systemCtx = async (harness: ApiHarness, tenantId: string): Promise<UseCaseContext> => ({
  now: harness.deps.clock(),
  actor: null,
  tenantId,
  settings: await harness.deps.store.getSettings(tenantId),
  ids,
});

/** Stores the user record that the first API call would provision. */
export const arrangeUser = async (harness: ApiHarness, user: TestUser): Promise<void> => {
  const record: User = {
    tenantId: user.tenantId,
    id: user.userId,
    name: user.name ?? `User ${user.userId.slice(0, 8)}`,
    email: user.email ?? null,
    role: user.manager ? "manager" : "seller",
    locale: "en",
    timeZone: null,
    active: true,
    teamIds: [],
  };
  await harness.deps.store.commit(user.tenantId, {
    changes: [{ entity: "user", before: null, after: record }],
    schedule: [],
    cancel: [],
  });
};

export const arrangeContact = async (
  harness: ApiHarness,
  tenantId: string,
  fields: { name: string; email?: string; company?: string },
): Promise<Contact> => {
  const ctx = await systemCtx(harness, tenantId);
  const contact = newContact(fields, "contact", ctx, []);
  await harness.deps.store.commit(tenantId, {
    changes: [{ entity: "contact", before: null, after: contact }],
    schedule: [],
    cancel: [],
  });
  return contact;
};

export type OpportunityArrangement = {
  owner: TestUser;
  title?: string;
  contact?: { name: string; email?: string; company?: string; phone?: string };
  source?: string;
  campaign?: string | null;
  receivedAt?: string;
  followers?: TestUser[];
  participants?: Contact[];
  marketplace?: Partial<MarketplaceApplication>;
  /** Applied after creation, as a later use case would (status, discard, first contact). */
  patch?: Partial<Opportunity>;
};

/** An opportunity as intake creates it, then given followers, participants, a marketplace or a patch. */
export const arrangeOpportunity = async (
  harness: ApiHarness,
  arrangement: OpportunityArrangement,
): Promise<Opportunity> => {
  const { tenantId, userId } = arrangement.owner;
  const created = createOpportunity(
    {
      contact: arrangement.contact ?? { name: "Ana García", email: "ana@example.com" },
      source: arrangement.source ?? "web-form",
      campaign: arrangement.campaign ?? null,
      ownerId: userId,
      title: arrangement.title ?? null,
      origin: "intake",
      ...(arrangement.receivedAt ? { receivedAt: arrangement.receivedAt } : {}),
    },
    await systemCtx(harness, tenantId),
  );
  await harness.deps.store.commit(tenantId, created);
  const before = await harness.deps.store.getOpportunity(tenantId, created.value.id);
  if (before === null) throw new Error("the arranged opportunity was not stored");
  const { followers = [], participants = [], marketplace, patch } = arrangement;
  if (
    followers.length === 0 &&
    participants.length === 0 &&
    marketplace === undefined &&
    patch === undefined
  ) {
    return before;
  }
  const after: Opportunity = {
    ...before,
    followers: followers.map((f) => f.userId),
    participants: participants.map(snapshotOf),
    ...(marketplace === undefined
      ? {}
      : {
          marketplace: {
            connectorKey: "sortlist",
            visibility: "hidden",
            appliedAt: before.receivedAt,
            brief: "A website",
            meetingAt: null,
            meetingUrl: null,
            meetingHeld: false,
            fee: null,
            refund: "none",
            refundReason: null,
            revealedAt: null,
            ...marketplace,
          },
        }),
    ...patch,
  };
  // A marketplace application's client is its own contact, as receiveApplication makes it.
  const contact =
    marketplace === undefined
      ? null
      : await harness.deps.store.getContact(tenantId, before.contact.id);
  await harness.deps.store.commit(tenantId, {
    changes: [
      { entity: "opportunity", before, after },
      ...(contact === null
        ? []
        : [
            {
              entity: "contact" as const,
              before: contact,
              after: { ...contact, clientOf: before.id },
            },
          ]),
    ],
    schedule: [],
    cancel: [],
  });
  const stored = await harness.deps.store.getOpportunity(tenantId, before.id);
  if (stored === null) throw new Error("the arranged opportunity was not stored");
  return stored;
};

export const arrangeTask = async (
  harness: ApiHarness,
  opportunity: Opportunity,
  spec: { dueAt: string; kind?: TaskKind; title?: string; ownerId?: string },
): Promise<Task> => {
  const ctx = await systemCtx(harness, opportunity.tenantId);
  const outcome = createTask(
    {
      opportunity,
      kind: spec.kind ?? "call",
      title: spec.title ?? null,
      dueAt: spec.dueAt,
      ownerId: spec.ownerId ?? opportunity.ownerId,
    },
    ctx,
  );
  await harness.deps.store.commit(opportunity.tenantId, outcome);
  return outcome.value;
};
