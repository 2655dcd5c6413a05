import type { Activity } from "../activity/activity.types.js";
import type { ChangeSet, EntityChange, EntityKind } from "../changes/change-set.js";
import type { Contact, ContactSnapshot } from "../contact/contact.types.js";
import type { Opportunity } from "../opportunity/opportunity.types.js";
import {
  defaultSettings,
  type Settings,
  type SettingsInput,
  validateSettings,
} from "../settings/settings.js";
import type { Task } from "../task/task.types.js";
import type { Viewer } from "../user/user.types.js";
import { DomainError, type DomainErrorCode } from "./domain-error.js";
import { sequentialIds } from "./ids.js";
import type { UseCaseContext } from "./use-case-context.js";

/** The one clock of the unit tests: a Monday morning, so "today" and "overdue" are unambiguous. */
export const NOW = new Date("2026-03-02T09:00:00Z");
export const TENANT = "tenant-a";
export const OTHER_TENANT = "tenant-b";

export const buildViewer = (overrides: Partial<Viewer> = {}): Viewer => ({
  tenantId: TENANT,
  userId: "seller-1",
  role: "seller",
  teamIds: [],
  ...overrides,
});

export const seller = (userId = "seller-1", teamIds: string[] = []): Viewer =>
  buildViewer({ userId, teamIds });

export const manager = (userId = "manager-1"): Viewer => buildViewer({ userId, role: "manager" });

export const settingsWith = (input: SettingsInput): Settings => validateSettings(input);

export const contextFor = (
  actor: Viewer | null,
  options: { settings?: Settings; now?: Date } = {},
): UseCaseContext => ({
  now: options.now ?? NOW,
  actor,
  tenantId: TENANT,
  settings: options.settings ?? defaultSettings(),
  ids: sequentialIds("id"),
});

export const buildContactSnapshot = (
  overrides: Partial<ContactSnapshot> = {},
): ContactSnapshot => ({
  id: "contact-ana",
  name: "Ana López",
  email: "ana@example.com",
  phone: "+34 600 000 000",
  company: "Acme",
  linkedinUrl: null,
  preferredChannel: "email",
  ...overrides,
});

export const buildContact = (overrides: Partial<Contact> = {}): Contact => ({
  tenantId: TENANT,
  ...buildContactSnapshot(),
  classification: null,
  tags: [],
  createdAt: "2026-02-01T09:00:00.000Z",
  updatedAt: "2026-02-01T09:00:00.000Z",
  version: "etag-contact-1",
  ...overrides,
});

export const buildOpportunity = (overrides: Partial<Opportunity> = {}): Opportunity => ({
  tenantId: TENANT,
  id: "opp-1",
  title: "Acme",
  pipelineId: "sales",
  stage: "new",
  status: "open",
  receivedAt: "2026-03-02T08:50:00.000Z",
  createdAt: "2026-03-02T08:50:00.000Z",
  updatedAt: "2026-03-02T08:50:00.000Z",
  createdBy: null,
  ownerId: "seller-1",
  source: "web-form",
  campaign: null,
  value: null,
  tags: [],
  contact: buildContactSnapshot(),
  participants: [],
  followers: [],
  mutedBy: [],
  firstContact: { state: "awaiting", recordedAt: null, action: null, secondContactDueAt: null },
  discard: null,
  closedAt: null,
  externalId: null,
  marketplace: null,
  deadlines: [
    {
      id: "first-contact-target~opp-1~1772442300000",
      kind: "first-contact-target",
      dueAt: "2026-03-02T09:05:00.000Z",
    },
    {
      id: "first-contact-escalation~opp-1~1772455800000",
      kind: "first-contact-escalation",
      dueAt: "2026-03-02T12:50:00.000Z",
    },
  ],
  version: "etag-opp-1",
  ...overrides,
});

export const buildTask = (overrides: Partial<Task> = {}): Task => ({
  tenantId: TENANT,
  id: "task-1",
  kind: "call",
  title: "Call: Ana López",
  ownerId: "seller-1",
  dueAt: "2026-03-02T12:00:00.000Z",
  opportunityId: "opp-1",
  contactId: "contact-ana",
  status: "open",
  outcome: null,
  origin: "manual",
  createdAt: "2026-03-01T09:00:00.000Z",
  createdBy: "seller-1",
  completedAt: null,
  deadlines: [
    { id: "task-due~task-1~1772452800000", kind: "task-due", dueAt: "2026-03-02T12:00:00.000Z" },
  ],
  version: "etag-task-1",
  ...overrides,
});

type ChangeOf<K extends EntityKind> = Extract<EntityChange, { entity: K }>;

export const changesOf = <K extends EntityKind>(set: ChangeSet, entity: K): ChangeOf<K>[] =>
  set.changes.filter((change): change is ChangeOf<K> => change.entity === entity);

type Written = { [C in EntityChange as C["entity"]]: NonNullable<C["after"]> };

/** The records a change set writes for one entity kind (deletions left out). */
export const written = <K extends EntityKind>(set: ChangeSet, entity: K): Written[K][] =>
  set.changes.flatMap((change) =>
    change.entity === entity && change.after !== null ? [change.after as Written[K]] : [],
  );

export const activitiesOf = (set: ChangeSet): Activity[] => written(set, "activity");

/** Tasks the change set creates (not the ones it updates). */
export const createdTasks = (set: ChangeSet): Task[] =>
  changesOf(set, "task")
    .filter((change) => change.before === null)
    .flatMap((change) => (change.after === null ? [] : [change.after]));

export const updatedTasks = (set: ChangeSet): Task[] =>
  changesOf(set, "task")
    .filter((change) => change.before !== null)
    .flatMap((change) => (change.after === null ? [] : [change.after]));

/** Runs a use case expected to fail and returns its error, so tests can look at code and fields. */
export const domainErrorOf = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError, but the use case succeeded");
};

export const codeOf = (run: () => unknown): DomainErrorCode => domainErrorOf(run).code;

export const pathsOf = (run: () => unknown): string[] =>
  domainErrorOf(run).errors.map((e) => e.path);

export const daysFromNow = (days: number): string =>
  new Date(NOW.getTime() + days * 86_400_000).toISOString();

export const minutesBetween = (from: Date | string, to: string): number =>
  (new Date(to).getTime() - new Date(from).getTime()) / 60_000;
