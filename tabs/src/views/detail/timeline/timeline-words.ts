import type { Activity, SettingsAnswer as Settings } from "@dealflow/contract";
import { TASK_OUTCOMES } from "../../../api/menu-choices.js";
import type { MessageKey } from "../../../i18n/catalog-en.js";
import { formatDateTime } from "../../../i18n/format.js";
import type { Locale, Translate } from "../../../i18n/i18n.js";
import { contactNameText } from "../../marketplace/marketplace-text.js";

/** What a timeline line needs to be said in the user's words. */
export type TimelineContext = {
  t: Translate;
  locale: Locale;
  timeZone: string | undefined;
  settings: Pick<Settings, "pipelines" | "sources" | "discardReasons">;
  /** Display names by user id (the session's). */
  userNames: ReadonlyMap<string, string>;
  /** Names that other lines of the same timeline give to ids (see `timelineNames`). */
  names: TimelineNames;
};

/**
 * Some lines carry only an id (a rescheduled task, a promoted contact); another line of the
 * same timeline often names it (the task's creation, the participant's addition).
 */
export type TimelineNames = {
  taskTitles: ReadonlyMap<string, string>;
  contactNames: ReadonlyMap<string, string>;
};

export const timelineNames = (activities: readonly Activity[]): TimelineNames => {
  const taskTitles = new Map<string, string>();
  const contactNames = new Map<string, string>();
  for (const activity of activities) {
    switch (activity.type) {
      case "task-created":
      case "task-completed":
      case "task-cancelled":
        if (!taskTitles.has(activity.taskId)) taskTitles.set(activity.taskId, activity.title);
        break;
      case "participant-added":
      case "participant-removed":
        if (!contactNames.has(activity.contactId)) {
          contactNames.set(activity.contactId, activity.name);
        }
        break;
    }
  }
  return { taskTitles, contactNames };
};

/** Who did it: "Dealflow" for the system, never an id for a user this session does not know. */
export const actorName = (actorId: string | null, ctx: TimelineContext): string =>
  actorId === null
    ? ctx.t("detail.system")
    : (ctx.userNames.get(actorId) ?? ctx.t("detail.timeline.unknownActor"));

/** A user named inside a sentence (a new owner, a follower). */
export const userName = (userId: string | null, ctx: TimelineContext): string =>
  (userId !== null ? ctx.userNames.get(userId) : undefined) ?? ctx.t("detail.timeline.unknownUser");

/** A contact's name as the server sent it, a hidden client's placeholder in the user's words. */
export const contactName = (name: string, ctx: TimelineContext): string =>
  contactNameText(name, ctx.t);

/** A stage's label in any of the tenant's pipelines; a stage removed since keeps its id. */
export const stageLabel = (stageId: string, ctx: TimelineContext): string => {
  for (const pipeline of ctx.settings.pipelines) {
    const stage = pipeline.stages.find((candidate) => candidate.id === stageId);
    if (stage) return stage.name;
  }
  return stageId;
};

/** A source's or discard reason's label; one removed from the settings since keeps its id. */
export const labelIn = (list: readonly { id: string; label: string }[], id: string): string =>
  list.find((item) => item.id === id)?.label ?? id;

export const when = (iso: string, ctx: TimelineContext): string =>
  formatDateTime(iso, ctx.locale, ctx.timeZone);

const OUTCOMES = new Set<string>(TASK_OUTCOMES);

/**
 * A classification or task outcome with the labels of the task and contact forms; one newer
 * than this tab is said as the server stored it rather than as a missing key.
 */
export const outcomeText = (outcome: string, ctx: TimelineContext): string =>
  OUTCOMES.has(outcome) ? ctx.t(`outcome.${outcome}` as MessageKey) : outcome;

const REFUND_REASONS: Record<string, MessageKey> = {
  "meeting-held": "marketplace.refund.meeting-held",
  "declined-after-meeting-time": "marketplace.refund.declined-after-meeting-time",
  "declined-after-reveal": "marketplace.refund.declined-after-reveal",
};

/**
 * The refund decided on a decline, in the words of the marketplace section. A reason newer
 * than this tab is shown as the server stored it rather than dropped.
 */
export const refundSentence = (
  refund: string,
  refundReason: string | null,
  ctx: TimelineContext,
): string => {
  const { t } = ctx;
  switch (refund) {
    case "eligible":
      return t("detail.timeline.refund.eligible");
    case "not-eligible": {
      if (!refundReason) return t("detail.timeline.refund.notEligibleNoReason");
      const key = REFUND_REASONS[refundReason];
      return t("detail.timeline.refund.notEligible", { reason: key ? t(key) : refundReason });
    }
    case "none":
      return t("detail.timeline.refund.none");
    default:
      return "";
  }
};
