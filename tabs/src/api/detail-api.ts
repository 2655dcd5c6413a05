import type {
  Classification,
  ContactPatch,
  ContactDetail as ContactProfile,
  ContactPromotion,
  Contact as ContactRecord,
  ContactSearchQuery,
  DirectoryPerson,
  DuplicateContactProblem,
  ListTasksQuery,
  MarketplaceOutcomeRequest,
  NewContact,
  NewTask,
  OpportunityListItem as Opportunity,
  OpportunityPatch,
  Page,
  PeopleFound,
  PersonMatch,
  PreferredChannel,
  SearchPeopleQuery,
  Task,
} from "@dealflow/contract";
import { type ApiClient, type Versioned, withQuery } from "./api-client.js";
import { ApiError } from "./api-error.js";
import type { Unlisted } from "./menu-choices.js";

export type {
  Classification,
  Contact as ContactRecord,
  ContactDetail as ContactProfile,
  ContactOpportunity,
  ContactPatch,
  NewContact,
  OpportunityPatch,
  PersonMatch,
  PreferredChannel,
} from "@dealflow/contract";

/** SPEC §4.3: how promising a contact is, in the order the profile offers them. */
export const CLASSIFICATIONS = [
  "potential-consultant",
  "promising",
  "likely",
  "undecided",
] as const satisfies readonly Classification[];

export const PREFERRED_CHANNELS = [
  "email",
  "phone",
  "teams-meeting",
  "other",
] as const satisfies readonly PreferredChannel[];

// Each menu names every value the server accepts (see menu-choices.ts).
const everyClassification: Unlisted<Classification, (typeof CLASSIFICATIONS)[number]> = true;
const everyChannel: Unlisted<PreferredChannel, (typeof PREFERRED_CHANNELS)[number]> = true;
void everyClassification;
void everyChannel;

/**
 * The directory search was refused for want of an administrator's consent; the picker offers
 * `adminConsentUrl` rather than an error.
 */
export class ConsentRequiredError extends Error {
  constructor(readonly adminConsentUrl: string) {
    super("Consent required");
    this.name = "ConsentRequiredError";
  }
}

/** The problem type the API answers while nobody has consented to the directory search. */
export const CONSENT_REQUIRED_TYPE = "urn:dealflow:problem:consent-required";

const consentUrlOf = (error: unknown): string | null =>
  error instanceof ApiError && error.status === 403 && error.type === CONSENT_REQUIRED_TYPE
    ? error.extensionText("adminConsentUrl")
    : null;

/**
 * A new contact's email is another contact's already (409): the user picks that contact, or
 * sends again with `allowDuplicate` when two people really share the address.
 */
export class DuplicateContactError extends Error {
  constructor(readonly existing: ContactRecord) {
    super("Duplicate contact");
    this.name = "DuplicateContactError";
  }
}

/** The problem type of POST /api/contacts when the email is another contact's. */
export const DUPLICATE_CONTACT_TYPE: DuplicateContactProblem["type"] =
  "urn:dealflow:problem:duplicate-contact";

const duplicateOf = (error: unknown): ContactRecord | null => {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  if (error.type !== DUPLICATE_CONTACT_TYPE) return null;
  const existing = error.extensions.duplicateOf as Partial<ContactRecord> | undefined;
  return typeof existing?.id === "string" && typeof existing.name === "string"
    ? (existing as ContactRecord)
    : null;
};

const opportunityPath = (id: string, rest: string) =>
  `/api/opportunities/${encodeURIComponent(id)}${rest}`;

/** The opportunity detail's participants, followers, tasks and the contact profile. */
export const createDetailApi = (client: ApiClient) => ({
  /** SPEC §4.1: the tenant's contacts by name, email or company (hidden clients left out). */
  searchContacts: async (q: string, limit = 10) =>
    (
      await client.get<{ items: ContactRecord[] }>(
        withQuery("/api/contacts", { q, limit } satisfies ContactSearchQuery),
      )
    ).items,
  /** SPEC §4.1: a new person; a duplicate email throws DuplicateContactError. */
  createContact: async (contact: NewContact): Promise<ContactRecord> => {
    try {
      return (await client.request<ContactRecord>("POST", "/api/contacts", { body: contact })).data;
    } catch (error) {
      const existing = duplicateOf(error);
      throw existing === null ? error : new DuplicateContactError(existing);
    }
  },
  /** SPEC §4.4 "or manual entry": what the marketplace client did, by the owner or a manager. */
  recordMarketplaceOutcome: (
    id: string,
    outcome: MarketplaceOutcomeRequest["outcome"],
    ifMatch: string | null,
  ) =>
    client.request<Opportunity>("POST", opportunityPath(id, "/marketplace-outcome"), {
      body: { outcome } satisfies MarketplaceOutcomeRequest,
      ifMatch,
    }),
  /** SPEC §4.1: the opportunity's title, value, campaign, source and tags (If-Match). */
  editOpportunity: (id: string, patch: OpportunityPatch, ifMatch: string | null) =>
    client.request<Opportunity>("PATCH", opportunityPath(id, ""), { body: patch, ifMatch }),
  addParticipant: (id: string, contactId: string, ifMatch: string | null) =>
    client.request<Opportunity>(
      "POST",
      opportunityPath(id, `/participants/${encodeURIComponent(contactId)}`),
      { ifMatch },
    ),
  removeParticipant: (id: string, contactId: string, ifMatch: string | null) =>
    client.request<Opportunity>(
      "DELETE",
      opportunityPath(id, `/participants/${encodeURIComponent(contactId)}`),
      { ifMatch },
    ),
  /** The participant becomes the Contact; the old Contact becomes a participant. */
  promoteParticipant: (id: string, contactId: string, ifMatch: string | null) =>
    client.request<Opportunity>("PUT", opportunityPath(id, "/contact"), {
      body: { contactId } satisfies ContactPromotion,
      ifMatch,
    }),
  /**
   * The follower picker's directory search. A consent-required problem carries the tenant's
   * admin-consent URL as an extension member; the picker offers it rather than an error.
   */
  searchPeople: async (q: string): Promise<PersonMatch[]> => {
    try {
      return (
        await client.get<PeopleFound>(withQuery("/api/people", { q } satisfies SearchPeopleQuery))
      ).items;
    } catch (error) {
      const adminConsentUrl = consentUrlOf(error);
      throw adminConsentUrl === null ? error : new ConsentRequiredError(adminConsentUrl);
    }
  },
  /** `person`: someone found in the directory who may not have used Dealflow yet. */
  addFollower: (
    id: string,
    userId: string,
    ifMatch: string | null,
    person?: { name: string; email: string | null },
  ) =>
    client.request<Opportunity>(
      "POST",
      opportunityPath(id, `/followers/${encodeURIComponent(userId)}`),
      person
        ? { ifMatch, body: { name: person.name, email: person.email } satisfies DirectoryPerson }
        : { ifMatch },
    ),
  removeFollower: (id: string, userId: string, ifMatch: string | null) =>
    client.request<Opportunity>(
      "DELETE",
      opportunityPath(id, `/followers/${encodeURIComponent(userId)}`),
      { ifMatch },
    ),
  /** Every task of the opportunity (all pages), soonest due first. */
  opportunityTasks: async (id: string): Promise<Task[]> => {
    const tasks: Task[] = [];
    let cursor: string | null = null;
    do {
      const query = {
        opportunity: id,
        limit: 200,
        cursor: cursor ?? undefined,
      } satisfies ListTasksQuery;
      const page: Page<Task> = await client.get<Page<Task>>(withQuery("/api/tasks", query));
      tasks.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    return tasks;
  },
  createTask: async (input: NewTask) =>
    (await client.request<Task>("POST", "/api/tasks", { body: input })).data,
  contact: (id: string): Promise<Versioned<ContactProfile>> =>
    client.request<ContactProfile>("GET", `/api/contacts/${encodeURIComponent(id)}`),
  updateContact: (id: string, patch: ContactPatch, ifMatch: string | null) =>
    client.request<ContactProfile>("PATCH", `/api/contacts/${encodeURIComponent(id)}`, {
      body: patch,
      ifMatch,
    }),
});
