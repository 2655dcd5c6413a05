import type { Activity, Settings } from "@dealflow/core";
import { formatDateTime, type Reader } from "../i18n/format.js";
import type { MessageKey, Translate } from "../i18n/translate.js";

const stageName = (settings: Settings, stageId: string): string => {
  for (const pipeline of settings.pipelines) {
    const stage = pipeline.stages.find((candidate) => candidate.id === stageId);
    if (stage) return stage.name;
  }
  return stageId;
};

const FIRST_CONTACT_ACTIONS: readonly string[] = [
  "ready-for-proposal",
  "second-contact",
  "discard",
];

const REFUND_REASONS = ["meeting-held", "declined-after-meeting-time", "declined-after-reveal"];

/** A refund reason core may grow later reads as the generic one rather than failing. */
const refundReasonKey = (reason: string | null): MessageKey =>
  reason !== null && REFUND_REASONS.includes(reason)
    ? (`refundReason.${reason}` as MessageKey)
    : "refundReason.none";

/** One timeline line in words; names of users are looked up by the caller. */
export const describeActivity = (
  activity: Activity,
  ctx: { t: Translate; reader: Reader; settings: Settings; names: ReadonlyMap<string, string> },
): string => {
  const { t } = ctx;
  const name = (id: string | null) =>
    id === null ? t("system") : (ctx.names.get(id) ?? t("someone"));
  switch (activity.type) {
    case "created":
      return t("activity.created", {
        source:
          ctx.settings.sources.find((s) => s.id === activity.source)?.label ?? activity.source,
      });
    case "first-contact":
      return FIRST_CONTACT_ACTIONS.includes(activity.action)
        ? t(`activity.first-contact.${activity.action}` as MessageKey)
        : t("activity.first-contact", { action: activity.action });
    case "stage-changed":
      return t(activity.reason ? "activity.stage-changed-lost" : "activity.stage-changed", {
        from: stageName(ctx.settings, activity.from),
        to: stageName(ctx.settings, activity.to),
        ...(activity.reason ? { reason: activity.reason } : {}),
      });
    case "owner-changed":
      return t("activity.owner-changed", { to: name(activity.to) });
    // The line reads "<actor>: <this>": one's own follow does not name the actor twice.
    case "follower-added":
      return activity.userId === activity.actorId
        ? t("activity.follower-self-added")
        : t("activity.follower-added", { user: name(activity.userId) });
    case "follower-removed":
      return activity.userId === activity.actorId
        ? t("activity.follower-self-removed")
        : t("activity.follower-removed", { user: name(activity.userId) });
    case "participant-added":
    case "participant-removed":
      return t(`activity.${activity.type}`, { name: activity.name });
    case "note-added":
      return t("activity.note-added", { excerpt: activity.excerpt });
    case "task-created":
    case "task-completed":
    case "task-cancelled":
      return t(`activity.${activity.type}`, { title: activity.title });
    case "client-declined":
      return t("activity.client-declined", { reason: t(refundReasonKey(activity.refundReason)) });
    case "task-rescheduled":
      return t("activity.task-rescheduled", { to: formatDateTime(activity.to, ctx.reader) });
    default:
      return t(`activity.${activity.type}`);
  }
};

/** The user ids an activity names, to look their names up before describing it. */
export const usersNamedBy = (activity: Activity): string[] => {
  const ids = [activity.actorId];
  if (activity.type === "owner-changed") ids.push(activity.to);
  if (activity.type === "follower-added" || activity.type === "follower-removed") {
    ids.push(activity.userId);
  }
  return ids.filter((id): id is string => id !== null);
};
