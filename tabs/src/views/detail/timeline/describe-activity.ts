import type { Activity, ActivityDetails } from "@dealflow/contract";
import { TASK_KINDS } from "../../../api/menu-choices.js";
import type { MessageKey } from "../../../i18n/catalog-en.js";
import { LOCALE_TAGS } from "../../../i18n/format.js";
import {
  actorName,
  contactName,
  labelIn,
  outcomeText,
  refundSentence,
  stageLabel,
  type TimelineContext,
  userName,
  when,
} from "./timeline-words.js";

const FIRST_CONTACT_ACTIONS = new Set(["ready-for-proposal", "second-contact", "discard"]);
const DETAIL_FIELDS = new Set(["title", "value", "tags", "campaign", "source"]);
const KNOWN_TASK_KINDS = new Set<string>(TASK_KINDS);

type Line<T extends ActivityDetails["type"]> = Extract<Activity, { type: T }>;
type Say = (key: MessageKey, params?: Record<string, string>) => string;

/**
 * One timeline line as a sentence in the user's language: names for user ids, labels for
 * the tenant's stages, sources and reasons, dates in the user's time zone. A line this tab
 * does not know (a newer server), or one missing its details, reads as a neutral sentence.
 */
export const describeActivity = (activity: Activity, ctx: TimelineContext): string => {
  const actor = actorName(activity.actorId, ctx);
  const say: Say = (key, params = {}) => {
    // The API's lines are loosely typed: a detail missing at run time must not read "undefined".
    if (Object.values(params).some((value) => typeof value !== "string")) {
      throw new TypeError(`${activity.type}: a detail is missing`);
    }
    return ctx.t(key, { actor, ...params });
  };
  try {
    return describeKnown(activity, ctx, say) ?? say("detail.timeline.unknown");
  } catch {
    // A line with details missing or malformed must not take the whole detail down.
    return say("detail.timeline.unknown");
  }
};

const describeKnown = (activity: Activity, ctx: TimelineContext, say: Say): string | null => {
  const { t } = ctx;
  switch (activity.type) {
    case "created":
      return created(activity, ctx, say);
    case "first-contact":
      return firstContact(activity, ctx, say);
    case "stage-changed":
      return activity.reason
        ? say("detail.timeline.stageChangedLost", {
            from: stageLabel(activity.from, ctx),
            to: stageLabel(activity.to, ctx),
            reason: activity.reason,
          })
        : say("detail.timeline.stageChanged", {
            from: stageLabel(activity.from, ctx),
            to: stageLabel(activity.to, ctx),
          });
    case "owner-changed":
      return ownerChanged(activity, ctx, say);
    case "details-changed": {
      const fields = activity.fields.filter((field) => DETAIL_FIELDS.has(field));
      if (fields.length === 0) return say("detail.timeline.detailsChangedSome");
      const words = fields.map((field) => t(`detail.timeline.field.${field}`));
      const list = new Intl.ListFormat(LOCALE_TAGS[ctx.locale], { type: "conjunction" }).format(
        words,
      );
      return say("detail.timeline.detailsChanged", { fields: list });
    }
    case "follower-added":
      return activity.userId === activity.actorId
        ? say("detail.timeline.followed")
        : say("detail.timeline.followerAdded", { user: userName(activity.userId, ctx) });
    case "follower-removed":
      return activity.userId === activity.actorId
        ? say("detail.timeline.unfollowed")
        : say("detail.timeline.followerRemoved", { user: userName(activity.userId, ctx) });
    case "participant-added":
      return say("detail.timeline.participantAdded", { name: contactName(activity.name, ctx) });
    case "participant-removed":
      return say("detail.timeline.participantRemoved", { name: contactName(activity.name, ctx) });
    case "contact-promoted": {
      const name = ctx.names.contactNames.get(activity.contactId);
      return name === undefined
        ? say("detail.timeline.contactChanged")
        : say("detail.timeline.contactPromoted", { name: contactName(name, ctx) });
    }
    case "note-added":
      return say("detail.timeline.noteAdded", { excerpt: activity.excerpt });
    default:
      return describeTaskLine(activity, ctx, say) ?? describeMarketplaceLine(activity, ctx, say);
  }
};

const created = (activity: Line<"created">, ctx: TimelineContext, say: Say): string => {
  const source = labelIn(ctx.settings.sources, activity.source);
  const campaign = activity.campaign ?? "";
  // Without an actor the opportunity came in by itself (a form, an import, a marketplace).
  if (activity.actorId === null) {
    return campaign
      ? say("detail.timeline.receivedInCampaign", { source, campaign })
      : say("detail.timeline.received", { source });
  }
  return campaign
    ? say("detail.timeline.createdInCampaign", { source, campaign })
    : say("detail.timeline.created", { source });
};

const firstContact = (activity: Line<"first-contact">, ctx: TimelineContext, say: Say) => {
  if (!FIRST_CONTACT_ACTIONS.has(activity.action)) return say("detail.timeline.firstContact");
  if (activity.action !== "discard") {
    return say(`detail.timeline.firstContact.${activity.action}`);
  }
  return activity.reason
    ? say("detail.timeline.firstContact.discard", {
        reason: labelIn(ctx.settings.discardReasons, activity.reason),
      })
    : say("detail.timeline.firstContact.discardNoReason");
};

const ownerChanged = (activity: Line<"owner-changed">, ctx: TimelineContext, say: Say) => {
  const from = activity.from === null ? null : userName(activity.from, ctx);
  if (activity.to === activity.actorId) {
    return from === null
      ? say("detail.timeline.ownerTook")
      : say("detail.timeline.ownerTookFrom", { from });
  }
  const to = userName(activity.to, ctx);
  return from === null
    ? say("detail.timeline.ownerSet", { to })
    : say("detail.timeline.ownerChanged", { from, to });
};

const describeTaskLine = (activity: Activity, ctx: TimelineContext, say: Say) => {
  switch (activity.type) {
    case "task-created":
      return say("detail.timeline.taskCreated", {
        title: activity.title,
        kind: KNOWN_TASK_KINDS.has(activity.kind)
          ? ctx.t(`taskKind.${activity.kind}`)
          : activity.kind,
        due: when(activity.dueAt, ctx),
      });
    case "task-rescheduled": {
      const title = ctx.names.taskTitles.get(activity.taskId);
      const dates = { from: when(activity.from, ctx), to: when(activity.to, ctx) };
      return title === undefined
        ? say("detail.timeline.taskRescheduledUntitled", dates)
        : say("detail.timeline.taskRescheduled", { title, ...dates });
    }
    case "task-completed":
      return activity.outcome
        ? say("detail.timeline.taskCompletedWith", {
            title: activity.title,
            outcome: outcomeText(activity.outcome, ctx),
          })
        : say("detail.timeline.taskCompleted", { title: activity.title });
    case "task-cancelled":
      return say("detail.timeline.taskCancelled", { title: activity.title });
    case "classification": {
      const { from, to } = activity;
      if (to === null) return say("detail.timeline.unclassified");
      return from === null || from === to
        ? say("detail.timeline.classified", { to: outcomeText(to, ctx) })
        : say("detail.timeline.reclassified", {
            from: outcomeText(from, ctx),
            to: outcomeText(to, ctx),
          });
    }
    default:
      return null;
  }
};

/** Lines the marketplace's clock or the client cause: said without an actor. */
const describeMarketplaceLine = (activity: Activity, ctx: TimelineContext, say: Say) => {
  switch (activity.type) {
    case "contact-revealed":
      return activity.automatic
        ? say("detail.timeline.revealedAutomatically")
        : say("detail.timeline.revealedByClient");
    case "contact-withheld":
      return say("detail.timeline.withheld", {
        refund: refundSentence(activity.refund, activity.refundReason, ctx),
      }).trim();
    case "client-declined":
      return say("detail.timeline.clientDeclined", {
        refund: refundSentence(activity.refund, activity.refundReason, ctx),
      }).trim();
    case "client-reminded":
      return say("detail.timeline.clientReminded");
    default:
      return null;
  }
};
