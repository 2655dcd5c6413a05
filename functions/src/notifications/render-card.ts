import {
  type AdaptiveCard,
  chooseTargetCard,
  chooseTargetInput,
  dealClosedCard,
  describeActivity,
  digestCard,
  escalationCard,
  escalationListCard,
  followerUpdateCard,
  type LinkConfig,
  newOpportunityCard,
  noticeCard,
  offerCard,
  offerCardInput,
  ownerChangedCard,
  type Reader,
  showOpportunity,
  showTask,
  taskReminderCard,
  translator,
  type UpdateLine,
  usersNamedBy,
} from "@dealflow/bot";
import {
  type Activity,
  endOfLocalDay,
  type Locale,
  type Opportunity,
  redactHiddenActivity,
  redactHiddenText,
  type Settings,
  type Task,
  type User,
} from "@dealflow/core";
import { offersOfOpportunity } from "../features/routing/index.js";
import type { Store } from "../storage/store.js";
import type { CardSpec } from "./recipients.js";

export type RenderContext = {
  store: Store;
  tenantId: string;
  settings: Settings;
  links: LinkConfig;
  now: Date;
  /** A user of the tenant, loaded once per delivery (no read per card). */
  user: (userId: string) => Promise<User | null>;
  /** The stored opportunity, read once per delivery (the audience's read) for every card. */
  opportunity: (id: string) => Promise<Opportunity | null>;
  names: (userId: string | null) => Promise<string | null>;
};

/** The reader of a card: the recipient's locale and time zone, else the tenant's. */
export const readerFor = async (ctx: RenderContext, userId: string | null): Promise<Reader> => {
  const user = userId ? await ctx.user(userId) : null;
  const locale: Locale = user?.locale ?? ctx.settings.locale;
  return { locale, timeZone: user?.timeZone ?? ctx.settings.timeZone };
};

/** Lines of a (merged) follower card, oldest first. */
export const updateLines = async (
  ctx: RenderContext,
  activities: readonly Activity[],
  reader: Reader,
  /** The stored opportunity: lines written with a hidden client's name lose it (SPEC §4.4). */
  stored: Opportunity | null = null,
): Promise<UpdateLine[]> => {
  const t = translator(reader.locale);
  const names = new Map<string, string>();
  for (const id of activities.flatMap(usersNamedBy)) {
    const name = await ctx.names(id);
    if (name) names.set(id, name);
  }
  return [...activities]
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
    .map((activity) => ({
      who: activity.actorId ? (names.get(activity.actorId) ?? t("someone")) : t("system"),
      // By type first (a removed participant's name), as the API's timeline does, then our
      // texts that may repeat the client's name.
      what: hide(
        describeActivity(stored ? redactHiddenActivity(activity, stored) : activity, {
          t,
          reader,
          settings: ctx.settings,
          names,
        }),
        stored,
      ),
      at: activity.at,
    }));
};

const hide = (text: string, stored: Opportunity | null): string =>
  stored === null ? text : redactHiddenText(text, stored);

const tasksOf = async (ctx: RenderContext, userId: string, window: { from?: Date; to?: Date }) => {
  const page = await ctx.store.listOpenTasksByOwner(ctx.tenantId, userId, window, { limit: 25 });
  return Promise.all(
    page.items.map(async (task: Task) => {
      const stored = task.opportunityId ? await ctx.opportunity(task.opportunityId) : null;
      return { task: showTask(task, stored), opportunity: stored && showOpportunity(stored) };
    }),
  );
};

/** Renders one delivery's card for one reader (a user, or a channel in the tenant's locale). */
export const renderCard = async (
  spec: CardSpec,
  ctx: RenderContext,
  reader: Reader,
  mergedActivities: readonly Activity[] = [],
): Promise<AdaptiveCard> => {
  const words = { t: translator(reader.locale), reader };
  switch (spec.kind) {
    case "follower-update": {
      const activities = mergedActivities.length > 0 ? mergedActivities : [spec.activity];
      // The card's opportunity is redacted already; the stored one names what to take out.
      const stored = await ctx.opportunity(spec.opportunity.id);
      const lines = await updateLines(ctx, activities, reader, stored);
      return followerUpdateCard(
        { opportunity: spec.opportunity, lines, state: "following" },
        words,
        ctx.links,
      );
    }
    case "owner-changed":
      return ownerChangedCard(
        { opportunity: spec.opportunity, byName: await ctx.names(spec.activity.actorId) },
        words,
        ctx.links,
      );
    case "new-opportunity": {
      const source =
        ctx.settings.sources.find((s) => s.id === spec.opportunity.source)?.label ??
        spec.opportunity.source;
      return newOpportunityCard(
        {
          opportunity: spec.opportunity,
          ownerName: await ctx.names(spec.opportunity.ownerId),
          sourceLabel: source,
        },
        words,
        ctx.links,
      );
    }
    case "deal-closed": {
      const { opportunity, activity } = spec;
      const stageName =
        ctx.settings.pipelines
          .find((p) => p.id === opportunity.pipelineId)
          ?.stages.find((s) => s.id === opportunity.stage)?.name ?? opportunity.stage;
      const typed = activity.type === "stage-changed" ? (activity.reason ?? null) : null;
      // The card's opportunity is redacted already; the stored one names what to take out of
      // the words a seller typed (read only when there are some).
      const reason = typed === null ? null : hide(typed, await ctx.opportunity(opportunity.id));
      return dealClosedCard(
        {
          opportunity,
          outcome: opportunity.status === "won" ? "won" : "lost",
          ownerName: await ctx.names(opportunity.ownerId),
          stageName,
          byName: await ctx.names(activity.actorId),
          reason,
        },
        words,
        ctx.links,
      );
    }
    case "first-contact-reminder":
    case "first-contact-escalation":
      return escalationCard(
        {
          kind: spec.kind,
          opportunity: spec.opportunity,
          task: null,
          ownerName: await ctx.names(spec.opportunity.ownerId),
        },
        words,
        ctx.links,
      );
    case "task-overdue":
      return escalationCard(
        {
          kind: "task-overdue",
          opportunity: spec.opportunity,
          task: spec.task,
          ownerName: await ctx.names(spec.task.ownerId),
        },
        words,
        ctx.links,
      );
    case "task-reminder":
      return taskReminderCard(
        { task: spec.task, opportunity: spec.opportunity, when: spec.when, doneByName: null },
        words,
        ctx.links,
      );
    case "daily-digest": {
      // "Today" ends at midnight where the reader is, as the digest's own rule counts it.
      const endOfDay = endOfLocalDay(ctx.now, reader.timeZone);
      const [overdue, today] = await Promise.all([
        tasksOf(ctx, spec.userId, { to: ctx.now }),
        tasksOf(ctx, spec.userId, { from: ctx.now, to: endOfDay }),
      ]);
      return digestCard({ date: spec.date, overdue, today }, words);
    }
    case "offer": {
      const input = await offerCardInput(ctx.store, ctx.settings, spec.offer, ctx.now);
      return input === null
        ? noticeCard(words.t("error.notFound"))
        : offerCard(input, words, ctx.links);
    }
    case "choose-another-target": {
      // The card's opportunity is redacted already; the stored one names what to take out.
      const stored = (await ctx.opportunity(spec.opportunity.id)) ?? spec.opportunity;
      const input = await chooseTargetInput(ctx.store, {
        opportunity: stored,
        proposedTargetIds: spec.proposedTargetIds,
        offers: await offersOfOpportunity(ctx.store, ctx.tenantId, stored.id),
        managerIds: spec.managerIds,
      });
      return chooseTargetCard(input, words, ctx.links);
    }
  }
};

/**
 * A manager's merged first-contact escalations (issue 20): the leads, as they are now, each
 * redacted for the reader; a lead deleted since drops out of the list.
 */
export const renderEscalationList = async (
  ctx: RenderContext,
  reader: Reader,
  opportunityIds: readonly string[],
): Promise<AdaptiveCard> => {
  const stored = await Promise.all(opportunityIds.map((id) => ctx.opportunity(id)));
  const leads = await Promise.all(
    stored
      .filter((opportunity): opportunity is Opportunity => opportunity !== null)
      .map(async (opportunity) => ({
        opportunity: showOpportunity(opportunity),
        ownerName: await ctx.names(opportunity.ownerId),
      })),
  );
  return escalationListCard(leads, { t: translator(reader.locale), reader }, ctx.links);
};
