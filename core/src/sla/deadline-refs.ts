import { type Deadline, type DeadlineRef, refOf } from "./deadline.types.js";

type WithDeadlines = { deadlines: DeadlineRef[] };

/** Remembers newly scheduled deadlines on their subject so they can be cancelled exactly. */
export const withScheduled = <T extends WithDeadlines>(
  subject: T,
  scheduled: readonly Deadline[],
): T => {
  const ids = new Set(scheduled.map((deadline) => deadline.id));
  return {
    ...subject,
    deadlines: [...subject.deadlines.filter((ref) => !ids.has(ref.id)), ...scheduled.map(refOf)],
  };
};

/** Splits a subject's refs into those to cancel and those it keeps. */
export const withCancelled = <T extends WithDeadlines>(
  subject: T,
  shouldCancel: (ref: DeadlineRef) => boolean,
): { subject: T; cancelled: DeadlineRef[] } => ({
  subject: { ...subject, deadlines: subject.deadlines.filter((ref) => !shouldCancel(ref)) },
  cancelled: subject.deadlines.filter(shouldCancel),
});
