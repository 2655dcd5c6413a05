import type { Activity, ActivityType } from "../activity/activity.types.js";
import type { Opportunity } from "../opportunity/opportunity.types.js";
import { isManager } from "../permissions/permissions.js";
import type { Offer } from "../routing/routing.types.js";
import type { Settings } from "../settings/settings.js";
import type { Task } from "../task/task.types.js";
import type { User } from "../user/user.types.js";
import type { NotificationIntent } from "./notification.types.js";

/** The card a recipient gets for a notification (the bot renders one per kind). */
export type NotificationCardKind =
  | "follower-update"
  | "owner-changed"
  | "new-opportunity"
  | "deal-closed"
  | "first-contact-reminder"
  | "first-contact-escalation"
  | "task-reminder"
  | "task-overdue"
  | "daily-digest"
  | "offer"
  | "choose-another-target";

/**
 * Who is told, as people and groups: the groups (the tenant's managers, the channels linked to
 * a pipeline) are expanded by `expandAudience` once their members are read, so a delivery reads
 * the users or the channels only when someone in them is concerned.
 */
export type Audience =
  | { to: "user"; userId: string; card: NotificationCardKind }
  | { to: "managers"; card: NotificationCardKind }
  | { to: "linked-channels"; pipelineId: string; card: NotificationCardKind };

/**
 * A notification's subject as read when it is delivered, not when it was written: followers,
 * owner and status are what they are now. Fields a notification type does not use may be left
 * out; missing means "none".
 */
export type NotificationSubject = {
  notification: NotificationIntent;
  /** The notification's opportunity. */
  opportunity?: Opportunity | null;
  /** The timeline line an `activity` notification reports. */
  activity?: Activity | null;
  task?: Task | null;
  /** The opportunity of `task`. */
  taskOpportunity?: Opportunity | null;
  offer?: Offer | null;
  /** Every offer of the opportunity (`choose-another-target`). */
  offers?: readonly Offer[];
};

/**
 * SPEC §4.4: what happens to a hidden client is also the owner's business ("owner notified"),
 * not only the followers': the owner rarely follows their own opportunity.
 */
const OWNER_TOLD: ReadonlySet<ActivityType> = new Set([
  "contact-revealed",
  "contact-withheld",
  "client-reminded",
  "client-declined",
]);

const user = (userId: string, card: NotificationCardKind): Audience => ({
  to: "user",
  userId,
  card,
});

/**
 * A user's card of its own replaces the follower card they would get (one who follows the lead
 * they own or are given): one notification is one card per chat, as its `dlv|sent` row records.
 */
const ownCard = (audience: Audience[], userId: string, card: NotificationCardKind) => {
  const at = audience.findIndex((entry) => entry.to === "user" && entry.userId === userId);
  if (at >= 0) audience[at] = user(userId, card);
  else audience.push(user(userId, card));
};

/**
 * SPEC §4.6: every follower but the actor and those who muted; the owner for a hidden client's
 * news; the new owner of a reassignment; the owner and the pipeline's channels for a new lead;
 * the pipeline's channels for a deal won or lost.
 */
const activityAudience = (
  notification: NotificationIntent,
  opportunity: Opportunity,
  activity: Activity,
): Audience[] => {
  const actor = notification.actorId;
  const audience = opportunity.followers
    .filter((id) => id !== actor && !opportunity.mutedBy.includes(id))
    .map((userId) => user(userId, "follower-update"));
  const owner = opportunity.ownerId;
  if (
    OWNER_TOLD.has(activity.type) &&
    owner !== null &&
    owner !== actor &&
    !audience.some((entry) => entry.to === "user" && entry.userId === owner)
  ) {
    audience.push(user(owner, "follower-update"));
  }
  if (activity.type === "owner-changed" && activity.to !== actor) {
    ownCard(audience, activity.to, "owner-changed");
  }
  // SPEC §4.6 "won/lost" channel posts: a move that closed it, if it is still where it went.
  if (
    activity.type === "stage-changed" &&
    (opportunity.status === "won" || opportunity.status === "lost") &&
    opportunity.stage === activity.to
  ) {
    audience.push({
      to: "linked-channels",
      pipelineId: opportunity.pipelineId,
      card: "deal-closed",
    });
  }
  if (activity.type === "created") {
    if (owner && owner !== actor) ownCard(audience, owner, "new-opportunity");
    audience.push({
      to: "linked-channels",
      pipelineId: opportunity.pipelineId,
      card: "new-opportunity",
    });
  }
  return audience;
};

/** SPEC §4.5: a prompt goes stale once the opportunity closed or a new round is under way. */
const stillWaitsForATarget = (opportunity: Opportunity, offers: readonly Offer[]): boolean =>
  opportunity.status === "open" &&
  !offers.some((offer) => offer.status === "pending" || offer.status === "accepted");

/**
 * Decides who hears of a notification now (SPEC §4.5, §4.6, §5). A subject that is no longer
 * due — first contact recorded, task done or rescheduled, offer answered before its card went
 * out — tells nobody: the deadline row was only a hint.
 */
export const notificationAudience = (subject: NotificationSubject): Audience[] => {
  const { notification } = subject;
  const opportunity = subject.opportunity ?? null;
  switch (notification.type) {
    case "activity":
      return opportunity && subject.activity
        ? activityAudience(notification, opportunity, subject.activity)
        : [];
    case "first-contact-reminder":
    case "first-contact-escalation": {
      if (opportunity?.status !== "open" || opportunity.firstContact.state !== "awaiting") {
        return [];
      }
      if (notification.type === "first-contact-reminder") {
        return opportunity.ownerId ? [user(opportunity.ownerId, "first-contact-reminder")] : [];
      }
      return [
        { to: "managers", card: "first-contact-escalation" },
        {
          to: "linked-channels",
          pipelineId: opportunity.pipelineId,
          card: "first-contact-escalation",
        },
      ];
    }
    case "task-reminder": {
      const task = subject.task ?? null;
      // A rescheduled task has its own newer reminder; this one is stale.
      if (task?.status !== "open" || Date.parse(task.dueAt) !== Date.parse(notification.dueAt)) {
        return [];
      }
      return [user(task.ownerId, "task-reminder")];
    }
    case "task-overdue-escalation": {
      const task = subject.task ?? null;
      if (task?.status !== "open" || !task.opportunityId || !subject.taskOpportunity) return [];
      return [{ to: "managers", card: "task-overdue" }];
    }
    case "daily-digest":
      return [user(notification.userId, "daily-digest")];
    case "offer-sent":
    case "offer-closed": {
      // An offer's card is the offer's user's alone; one answered before it went out gets
      // none (its `offer-closed` follows and finds no card to replace).
      const offer = subject.offer ?? null;
      if (offer === null) return [];
      if (notification.type === "offer-sent" && offer.status !== "pending") return [];
      return [user(offer.userId, "offer")];
    }
    case "choose-another-target": {
      if (opportunity === null || !stillWaitsForATarget(opportunity, subject.offers ?? [])) {
        return [];
      }
      return [
        { to: "managers", card: "choose-another-target" },
        {
          to: "linked-channels",
          pipelineId: opportunity.pipelineId,
          card: "choose-another-target",
        },
      ];
    }
    // The Contact is mailed a review link; no card for anyone.
    case "review-request":
      return [];
  }
};

/** The tenant's active managers: by role, or named in the settings' fallback list (SPEC §7). */
export const managersOf = (
  users: readonly User[],
  settings: Pick<Settings, "managerIds">,
): string[] =>
  users
    .filter(
      (candidate) =>
        candidate.active &&
        isManager(
          {
            tenantId: candidate.tenantId,
            userId: candidate.id,
            role: candidate.role,
            teamIds: candidate.teamIds,
          },
          settings,
        ),
    )
    .map((candidate) => candidate.id);

/** What a channel needs for the audience rules: whether it still works, and its pipeline. */
export type ChannelLink = { active: boolean; pipelineId: string | null };

/** SPEC §4.6 channel posts: the active channels linked to the pipeline. */
export const linkedChannels = <C extends ChannelLink>(
  channels: readonly C[],
  pipelineId: string,
): C[] => channels.filter((channel) => channel.active && channel.pipelineId === pipelineId);

/** The members of an audience's groups; each part may be left out when no group needs it. */
export type AudienceMembers<C extends ChannelLink> = {
  users?: readonly User[];
  settings?: Pick<Settings, "managerIds">;
  channels?: readonly C[];
};

export type Recipient<C extends ChannelLink> =
  | { to: "user"; userId: string; card: NotificationCardKind }
  | { to: "channel"; channel: C; card: NotificationCardKind };

/** Which members `expandAudience` needs, so a caller reads only those. */
export const audienceGroups = (audience: readonly Audience[]) => ({
  managers: audience.some((entry) => entry.to === "managers"),
  channels: audience.some((entry) => entry.to === "linked-channels"),
});

const expandEntry = <C extends ChannelLink>(
  entry: Audience,
  members: AudienceMembers<C>,
): Recipient<C>[] => {
  if (entry.to === "user") return [entry];
  if (entry.to === "managers") {
    return managersOf(members.users ?? [], members.settings ?? { managerIds: [] }).map(
      (userId) => ({ to: "user", userId, card: entry.card }),
    );
  }
  return linkedChannels(members.channels ?? [], entry.pipelineId).map((channel) => ({
    to: "channel",
    channel,
    card: entry.card,
  }));
};

/** The audience as recipients, in its order: groups replaced by their members. */
export const expandAudience = <C extends ChannelLink>(
  audience: readonly Audience[],
  members: AudienceMembers<C>,
): Recipient<C>[] => audience.flatMap((entry) => expandEntry(entry, members));

/** Who gets which card for one notification: the audience, its groups expanded. */
export const notificationRecipients = <C extends ChannelLink>(
  subject: NotificationSubject,
  members: AudienceMembers<C>,
): Recipient<C>[] => expandAudience(notificationAudience(subject), members);
