import type {
  Activity,
  CompleteTaskInput,
  Contact,
  Offer,
  OfferAnswer,
  Opportunity,
  RoutingTarget,
  Settings,
  Task,
  TaskOutcome,
  User,
  UserPreferences,
  Viewer,
} from "@dealflow/core";

export type Page<T> = { items: T[]; nextCursor: string | null };
export type PageRequest = { cursor?: string | null; limit?: number };

/** The list views the bot reads (a subset of the store's). */
export type BotOpportunityView =
  | { kind: "all" }
  | { kind: "first-contact"; ownerId?: string }
  | { kind: "owner"; ownerId: string; closed?: boolean }
  | { kind: "stage"; pipelineId: string; stage: string; ownerId?: string }
  | { kind: "following"; userId: string }
  | { kind: "contact"; contactId: string };

/** The Done form's note and own next task, as `POST /api/tasks/{id}/complete` takes them. */
export type TaskCompletionExtra = Pick<CompleteTaskInput, "note" | "nextTask">;

/** A message extension search result: the opportunity and its owner's next task on it. */
export type FoundOpportunity = { opportunity: Opportunity; nextTask: Task | null };

/** An opportunity made from a Teams message: owned by its maker, the message its first note. */
export type OpportunityFromMessage = {
  contact: { name: string; company: string | null; email: string | null; phone: string | null };
  source: string;
  note: string | null;
};

/** An opportunity after a use case, and whether it changed anything (a repeat changes nothing). */
export type OpportunityChange = { opportunity: Opportunity; changed: boolean };

/**
 * What the bot reads, and the use cases it runs, implemented by functions/ over Table Storage.
 * The bot never imports functions/ (dependencies point functions → bot → core), and it writes
 * nothing itself: every change is a feature service of functions/, the one the API's route
 * for the same change calls.
 */
export type BotData = {
  getOpportunity(tenantId: string, id: string): Promise<Opportunity | null>;
  listOpportunities(
    tenantId: string,
    view: BotOpportunityView,
    page?: PageRequest,
  ): Promise<Page<Opportunity>>;
  /**
   * The message extension's search, by the same service as `GET /api/opportunities?view=all&q=`:
   * what the viewer may read, newest first (an empty text: their newest), by position. Stored
   * records: the cards redact hidden clients.
   */
  searchOpportunities(
    viewer: Viewer,
    text: string,
    page: { skip: number; count: number },
  ): Promise<FoundOpportunity[]>;
  /**
   * Create from a message, by the same service as `POST /api/opportunities`. A refusal throws its
   * DomainError (validation names core's fields: `contact.name`, `source`…); nothing is written.
   */
  createOpportunity(viewer: Viewer, input: OpportunityFromMessage): Promise<Opportunity>;
  /** Contacts by name, email or company; never a hidden marketplace client (SPEC §4.4). */
  searchContacts(tenantId: string, query: string, limit?: number): Promise<Contact[]>;
  getTask(tenantId: string, id: string): Promise<Task | null>;
  listOpenTasksByOwner(
    tenantId: string,
    ownerId: string,
    window: { from?: Date; to?: Date },
    page?: PageRequest,
  ): Promise<Page<Task>>;
  listTasksOfOpportunity(
    tenantId: string,
    opportunityId: string,
    page?: PageRequest,
  ): Promise<Page<Task>>;
  /** A contact reached through the opportunity `via`; null for another's hidden client. */
  getContact(tenantId: string, id: string, via: string | null): Promise<Contact | null>;
  listActivities(
    tenantId: string,
    opportunityId: string,
    page?: PageRequest,
  ): Promise<Page<Activity>>;
  getUser(tenantId: string, id: string): Promise<User | null>;
  listUsers(tenantId: string, page?: PageRequest): Promise<Page<User>>;
  getSettings(tenantId: string): Promise<Settings & { version?: string }>;
  /** Notifications given up on after repeated failures (shown to managers in `status`). */
  countDeadLetters(tenantId: string): Promise<number>;
  /** Deadlines the sweep gave up on after repeated failures (shown to managers in `status`). */
  countDeadDeadlines(tenantId: string): Promise<number>;
  getOffer(tenantId: string, id: string): Promise<Offer | null>;
  /** Every offer of one opportunity, in any status. */
  listOffersOfOpportunity(tenantId: string, opportunityId: string): Promise<Offer[]>;
  getRoutingTarget(tenantId: string, id: string): Promise<RoutingTarget | null>;
  /**
   * Accept / Decline, by the same service as `POST /api/offers/{id}/accept|decline` (its
   * retry on a sibling's answer included). A refusal throws its DomainError; nothing is written.
   */
  answerOffer(viewer: Viewer, offerId: string, answer: OfferAnswer): Promise<Offer>;
  /** A manual routing, by the same service as `POST /api/opportunities/{id}/routing`. */
  routeTo(viewer: Viewer, opportunityId: string, targetId: string): Promise<Offer[]>;
  /**
   * A reminder card's Done, by the same service as `POST /api/tasks/{id}/complete` (SPEC
   * §4.3: the classification, its tag and follow-up). A refusal throws its DomainError.
   */
  completeTask(
    viewer: Viewer,
    taskId: string,
    outcome: TaskOutcome | null,
    extra?: TaskCompletionExtra,
  ): Promise<{ task: Task; followUp: Task | null }>;
  /**
   * The language and zone a person's Teams reports on their activities, by the same service as
   * `PUT /api/me/preferences`: written on change only, and only to an existing user's record.
   */
  recordPreferences(
    person: { tenantId: string; userId: string },
    preferences: UserPreferences,
  ): Promise<void>;
  /** A reminder card's Snooze, by the same service as `PATCH /api/tasks/{id}` `{ dueAt }`. */
  rescheduleTask(viewer: Viewer, taskId: string, dueAt: Date): Promise<Task>;
  /** `follow` and `unfollow`, by the same services as `POST|DELETE …/followers/me`. */
  followOpportunity(viewer: Viewer, opportunityId: string): Promise<OpportunityChange>;
  unfollowOpportunity(viewer: Viewer, opportunityId: string): Promise<OpportunityChange>;
  /** A follower card's Mute and Unmute (SPEC §4.6), for the clicker alone. */
  muteOpportunity(viewer: Viewer, opportunityId: string): Promise<OpportunityChange>;
  unmuteOpportunity(viewer: Viewer, opportunityId: string): Promise<OpportunityChange>;
  /**
   * `link <pipeline>` in a team channel (managers), by the same service as the channel tab's
   * `PUT /api/channels/{channelId}/pipeline`. A refusal throws its DomainError.
   */
  linkChannel(
    viewer: Viewer,
    channel: { teamId: string; channelId: string },
    pipelineId: string,
  ): Promise<void>;
  /**
   * A channel post's Claim (SPEC §4.6): the opportunity readable, or the button pressed in
   * `channel` when it is linked to the opportunity's pipeline. A refusal throws.
   */
  claimOpportunity(
    viewer: Viewer,
    opportunityId: string,
    channel: { teamId: string; channelId: string } | null,
  ): Promise<OpportunityChange>;
};

/** Every page of a list, for the few summaries that need a whole (small) list. */
export const readAll = async <T>(
  read: (page: PageRequest) => Promise<Page<T>>,
  maxItems = 5_000,
): Promise<T[]> => {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await read({ cursor, limit: 200 });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && items.length < maxItems);
  return items;
};
