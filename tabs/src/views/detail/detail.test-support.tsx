import type {
  ContactSnapshot as Contact,
  Me,
  NewContact,
  OpportunityListItem as Opportunity,
  OpportunityPatch,
  Task,
  UserSummary,
} from "@dealflow/contract";
import { waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactElement } from "react";
import { vi } from "vitest";
import type { Versioned } from "../../api/api-client.js";
import { ApiError } from "../../api/api-error.js";
import type { DealflowApi } from "../../api/dealflow-api.js";
import type { ContactRecord } from "../../api/detail-api.js";
import { renderWithSession, seller } from "../../test/render-with-session.js";
import { serverFilled } from "../../test/wire-fixtures.js";

/**
 * The toast (the shell's toaster) that says `text`: a write's success is a toast, whose words
 * Fluent also repeats in a live region, so the text alone is found twice.
 */
export const toastSaying = (text: string) =>
  waitFor(() => {
    const toast = [...document.querySelectorAll<HTMLElement>(".fui-Toast")].find((element) =>
      element.textContent?.includes(text),
    );
    if (!toast) throw new Error(`no toast says "${text}"`);
    return toast;
  });

export const manager: Me = { ...seller, id: "u-marta", name: "Marta", role: "manager" };

export const TEST_USERS: UserSummary[] = [
  { id: "u-ana", name: "Ana", email: null, role: "seller", active: true },
  { id: "u-luis", name: "Luis", email: null, role: "seller", active: true },
  { id: "u-marta", name: "Marta", email: null, role: "manager", active: true },
  { id: "u-old", name: "Olga Former", email: null, role: "seller", active: false },
];

/** Renders `ui` with a session whose users include a manager and an inactive seller. */
export const renderWithUsers = (
  ui: ReactElement,
  options: { api?: Partial<DealflowApi>; me?: Me; users?: UserSummary[] } = {},
) => renderWithSession(ui, { ...options, users: options.users ?? TEST_USERS });

export const contact = (id: string, name: string, company: string | null = null): Contact => ({
  id,
  name,
  email: `${id}@client.test`,
  phone: null,
  company,
  linkedinUrl: null,
  preferredChannel: null,
});

export const contactRecord = (base: Contact): ContactRecord => ({
  ...base,
  classification: null,
  tags: [],
  createdAt: "2026-03-01T09:00:00.000Z",
  updatedAt: "2026-03-01T09:00:00.000Z",
  hidden: false,
});

export const opportunity = (overrides: Partial<Opportunity> = {}): Opportunity => ({
  ...serverFilled("2026-03-01T09:00:00.000Z"),
  id: "o1",
  title: "Navarro Abogados",
  stage: "new",
  status: "open",
  receivedAt: "2026-03-01T09:00:00.000Z",
  ownerId: "u-ana",
  source: "web-form",
  campaign: null,
  contact: contact("c-jorge", "Jorge Navarro", "Navarro Abogados"),
  participants: [],
  followers: [],
  tags: [],
  value: null,
  ...overrides,
});

export const task = (overrides: Partial<Task>): Task => ({
  id: "t1",
  kind: "call",
  title: "Call",
  ownerId: "u-ana",
  dueAt: "2026-03-03T10:00:00.000Z",
  status: "open",
  outcome: null,
  origin: "manual",
  completedAt: null,
  opportunityId: "o1",
  contactId: null,
  createdAt: "2026-03-01T09:00:00.000Z",
  createdBy: "u-ana",
  opportunity: null,
  // Ana, whom the tests sign in as, owns it.
  permissions: { change: true },
  ...overrides,
});

export const conflict = () => new ApiError(412, "Precondition Failed", "The version is stale.", []);

/**
 * A stand-in for the API of one opportunity: reads answer the current state with an ETag
 * that changes on every write, so a test sees which version each write was made against.
 */
export const fakeDetailApi = (
  start: Opportunity,
  options: { tasks?: Task[]; directory?: Contact[] } = {},
) => {
  const tasks = options.tasks ?? [];
  const directory = [...(options.directory ?? [])];
  const named = (id: string) => directory.find((c) => c.id === id) ?? contact(id, id);
  let current = start;
  let version = 1;
  const read = (): Versioned<Opportunity> => ({ data: current, etag: `v${version}` });
  const write = (next: Opportunity) => {
    current = next;
    version += 1;
    return read();
  };
  const api = {
    opportunity: vi.fn(async () => read()),
    notes: vi.fn(async () => ({ items: [], nextCursor: null })),
    activities: vi.fn(async () => ({ items: [], nextCursor: null })),
    opportunityTasks: vi.fn(async () => tasks),
    follow: vi.fn(async () => read()),
    searchContacts: vi.fn(async (_q: string): Promise<ContactRecord[]> => []),
    createContact: vi.fn(async (input: NewContact): Promise<ContactRecord> => {
      const made = {
        ...contact(`c-new-${directory.length + 1}`, input.name),
        email: input.email ?? null,
      };
      directory.push(made);
      return contactRecord(made);
    }),
    editOpportunity: vi.fn(async (_id: string, patch: OpportunityPatch, etag: string | null) => {
      if (etag !== `v${version}`) throw conflict();
      const { value, campaign, ...rest } = patch;
      return write({
        ...current,
        ...rest,
        ...(value !== undefined ? { value: value ?? null } : {}),
        ...(campaign !== undefined ? { campaign: campaign ?? null } : {}),
      } as Opportunity);
    }),
    addParticipant: vi.fn(async (_id: string, contactId: string, _etag: string | null) =>
      write({ ...current, participants: [...current.participants, named(contactId)] }),
    ),
    removeParticipant: vi.fn(async (_id: string, contactId: string, _etag: string | null) =>
      write({ ...current, participants: current.participants.filter((p) => p.id !== contactId) }),
    ),
    promoteParticipant: vi.fn(async (_id: string, contactId: string, _etag: string | null) => {
      const promoted = current.participants.find((p) => p.id === contactId);
      if (!promoted) throw new Error("not a participant");
      return write({
        ...current,
        contact: promoted,
        participants: current.participants.map((p) => (p.id === contactId ? current.contact : p)),
      });
    }),
    addFollower: vi.fn(async (_id: string, userId: string, _etag: string | null) =>
      write({ ...current, followers: [...current.followers, userId] }),
    ),
    removeFollower: vi.fn(async (_id: string, userId: string, _etag: string | null) =>
      write({ ...current, followers: current.followers.filter((id) => id !== userId) }),
    ),
  };
  return {
    api,
    /** Someone else's write, between the view's read and its next write. */
    changeBehindTheScenes: (next: Partial<Opportunity>) => write({ ...current, ...next }),
  };
};

/**
 * Types the whole text without yielding between keys, so a debounced search sees one pause,
 * as a quick typist gives it; a busy machine cannot slip a timer between two letters.
 */
export const typeAtOnce = (element: Element, text: string) =>
  userEvent.setup({ delay: null }).type(element, text);
