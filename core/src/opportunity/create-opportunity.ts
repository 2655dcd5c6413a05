import { activityChange } from "../activity/new-activity.js";
import { type EntityChange, mergeChangeSets, type Outcome } from "../changes/change-set.js";
import { type Contact, snapshotOf } from "../contact/contact.types.js";
import { type NewContactFields, newContact } from "../contact/new-contact.js";
import { newNote } from "../note/add-note.js";
import { MAX_NOTE_LENGTH } from "../note/note.types.js";
import { isManager } from "../permissions/permissions.js";
import { stageWithRole } from "../pipeline/pipeline.types.js";
import { DomainError } from "../shared/domain-error.js";
import { assertInTenant } from "../shared/tenant-guard.js";
import { type IsoDateTime, iso } from "../shared/time.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import {
  type FieldErrors,
  invalidInput,
  oneOf,
  optionalText,
  parseInstant,
} from "../shared/validation.js";
import { withScheduled } from "../sla/deadline-refs.js";
import { firstContactDeadlines } from "../sla/first-contact-deadlines.js";
import { MAX_TASK_TITLE_LENGTH } from "../task/create-task.js";
import { newTask } from "../task/new-task.js";
import { TASK_KINDS, type TaskKind } from "../task/task.types.js";
import { MAX_EXTERNAL_ID_LENGTH } from "./external-id.js";
import type { Money, Opportunity } from "./opportunity.types.js";
import { normalizeTags, optionalMoney } from "./opportunity-fields.js";

export const MAX_TITLE_LENGTH = 200;

export type NextTaskInput = { kind: TaskKind; title?: string | null; dueAt: Date | IsoDateTime };

export type CreateOpportunityInput = {
  /** A contact already in the tenant, or the fields of a new one. */
  contact: Contact | NewContactFields;
  source: string;
  campaign?: string | null;
  /** Defaults to the contact's company, else their name. */
  title?: string | null;
  /** null leaves it unassigned (for routing or a Claim). */
  ownerId: string | null;
  /** Defaults to the first pipeline. */
  pipelineId?: string | null;
  /** When the lead arrived (intake may know better); defaults to now. */
  receivedAt?: Date | IsoDateTime | null;
  value?: Money | null;
  tags?: string[];
  externalId?: string | null;
  nextTask?: NextTaskInput | null;
  /** Its first note, by the creator (a Teams message it was made from), in the same commit. */
  note?: string | null;
  origin: "manual" | "intake";
};

const isContactRecord = (contact: Contact | NewContactFields): contact is Contact =>
  "id" in contact && "tenantId" in contact;

/**
 * SPEC §4.2 "+ New" and §6 intake: the opportunity waits for first contact in its
 * pipeline's `new` stage, with the first-contact clocks running from reception.
 */
export const createOpportunity = (
  input: CreateOpportunityInput,
  ctx: UseCaseContext,
): Outcome<Opportunity> => {
  const { actor, settings } = ctx;
  // SPEC §7: a seller edits only what they own, so they can only create for themselves.
  if (actor !== null && !isManager(actor, settings) && input.ownerId !== actor.userId) {
    throw new DomainError("forbidden", "Sellers can only create opportunities they own.");
  }

  const errors: FieldErrors = [];
  const given = input.contact;
  const existing = isContactRecord(given) ? given : null;
  if (existing !== null) assertInTenant(existing, ctx.tenantId);
  const contact = isContactRecord(given) ? given : newContact(given, "contact", ctx, errors);

  const source = oneOf(
    input.source,
    settings.sources.map((s) => s.id),
    "source",
    errors,
  );
  const campaign = optionalText(input.campaign, "campaign", 200, errors);
  const title =
    optionalText(input.title, "title", MAX_TITLE_LENGTH, errors) ??
    (contact.company ?? contact.name).slice(0, MAX_TITLE_LENGTH);
  const ownerId = optionalText(input.ownerId, "ownerId", 128, errors);
  const pipelineId = input.pipelineId ?? settings.pipelines[0]?.id;
  const pipeline = settings.pipelines.find((p) => p.id === pipelineId);
  if (pipeline === undefined)
    errors.push({ path: "pipelineId", message: "is not a pipeline of this tenant" });
  const newStage = pipeline === undefined ? undefined : stageWithRole(pipeline, "new");
  const received =
    input.receivedAt === undefined || input.receivedAt === null
      ? ctx.now
      : parseInstant(input.receivedAt, "receivedAt", errors);
  const value = optionalMoney(input.value, "value", errors);
  const tags = normalizeTags(input.tags, "tags", errors);
  const externalId = optionalText(input.externalId, "externalId", MAX_EXTERNAL_ID_LENGTH, errors);
  const nextTask = validateNextTask(input.nextTask, errors);
  const note = optionalText(input.note, "note", MAX_NOTE_LENGTH, errors);
  const taskOwnerId = ownerId ?? actor?.userId ?? null;
  if (nextTask !== null && taskOwnerId === null) {
    errors.push({ path: "nextTask", message: "needs an owner: assign the opportunity first" });
  }
  if (errors.length > 0 || source === null || pipeline === undefined || received === null) {
    throw invalidInput(errors, "The opportunity is not valid.");
  }
  if (newStage === undefined) {
    throw new DomainError(
      "invalid-state",
      `Pipeline ${pipeline.id} has no stage for new opportunities.`,
    );
  }

  const now = iso(ctx.now);
  const draft: Opportunity = {
    tenantId: ctx.tenantId,
    id: ctx.ids(),
    title,
    pipelineId: pipeline.id,
    stage: newStage.id,
    status: "open",
    // A sender whose clock runs ahead must not postpone the first-contact clocks.
    receivedAt: iso(received.getTime() > ctx.now.getTime() ? ctx.now : received),
    createdAt: now,
    updatedAt: now,
    createdBy: actor?.userId ?? null,
    ownerId,
    source,
    campaign,
    value,
    tags,
    contact: snapshotOf(contact),
    participants: [],
    followers: [],
    mutedBy: [],
    firstContact: { state: "awaiting", recordedAt: null, action: null, secondContactDueAt: null },
    discard: null,
    closedAt: null,
    externalId,
    sourceEmail: contact.email,
    marketplace: null,
    deadlines: [],
  };
  const schedule = firstContactDeadlines(draft, settings);
  const opportunity = withScheduled(draft, schedule);

  const changes: EntityChange[] = [
    ...(existing === null ? [{ entity: "contact" as const, before: null, after: contact }] : []),
    { entity: "opportunity", before: null, after: opportunity },
    activityChange(opportunity.id, { type: "created", source, campaign }, ctx),
  ];
  const noted = mergeChangeSets(
    { changes, schedule, cancel: [] },
    ...(note === null ? [] : [newNote(opportunity.id, note, ctx)]),
  );
  // With no next task, the first-contact reminders are the plan: no task is invented.
  if (nextTask === null || taskOwnerId === null) return { ...noted, value: opportunity };
  const task = newTask(
    {
      ...nextTask,
      ownerId: taskOwnerId,
      opportunityId: opportunity.id,
      contactId: contact.id,
      contactName: contact.name,
      origin: input.origin,
    },
    ctx,
  );
  return { ...mergeChangeSets(noted, task), value: opportunity };
};

const validateNextTask = (input: NextTaskInput | null | undefined, errors: FieldErrors) => {
  if (input === undefined || input === null) return null;
  const kind = oneOf(input.kind, TASK_KINDS, "nextTask.kind", errors);
  const title = optionalText(input.title, "nextTask.title", MAX_TASK_TITLE_LENGTH, errors);
  const dueAt = parseInstant(input.dueAt, "nextTask.dueAt", errors);
  return kind === null || dueAt === null ? null : { kind, title, dueAt };
};
