import type { NotificationIntent } from "../notification/notification.types.js";
import type { ReviewLink } from "../reviews/review.types.js";
import { addDays } from "../shared/time.js";

/** Issue 23: bookkeeping rows are kept this many days unless a manager sets otherwise. */
export const DEFAULT_RETENTION_DAYS = 90;
/** Far longer than any window a bookkeeping row serves (coalescing, relays, lease retries). */
export const MIN_RETENTION_DAYS = 7;
export const MAX_RETENTION_DAYS = 3650;

/** Rows whose moment is before this instant may be purged. */
export const retentionCutoff = (now: Date, retentionDays: number): Date =>
  addDays(now, -retentionDays);

/** An instant (ISO, possibly missing) strictly before the cutoff; a missing one never is. */
export const isBeforeCutoff = (at: string | null | undefined, cutoff: Date): boolean => {
  const ms = at ? Date.parse(at) : Number.NaN;
  return Number.isFinite(ms) && ms < cutoff.getTime();
};

/**
 * A delivered outbox row past retention, or one given up on (dead-lettered, `deadLetteredAt`)
 * before the cutoff: nothing will deliver it any more. An undelivered one still being tried
 * is never purged: it is what the relay re-sends, and the proof that its delivery is owed.
 */
export const isNotificationPurgeable = (
  notification: Pick<NotificationIntent, "deliveredAt">,
  cutoff: Date,
  deadLetteredAt: string | null = null,
): boolean =>
  notification.deliveredAt !== null
    ? isBeforeCutoff(notification.deliveredAt, cutoff)
    : isBeforeCutoff(deadLetteredAt, cutoff);

/**
 * A review link used, or expired, before the cutoff. An open link is never purged: the
 * client may still click it (REVIEW_LINK_DAYS is shorter than the least retention).
 */
export const isReviewLinkPurgeable = (
  link: Pick<ReviewLink, "usedAt" | "expiresAt">,
  cutoff: Date,
): boolean =>
  link.usedAt !== null
    ? isBeforeCutoff(link.usedAt, cutoff)
    : isBeforeCutoff(link.expiresAt, cutoff);
