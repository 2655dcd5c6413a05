import { activityChange } from "../activity/new-activity.js";
import { mergeChangeSets } from "../changes/change-set.js";
import type { Opportunity } from "../opportunity/opportunity.types.js";
import { opportunityChange, reviseOpportunity } from "../opportunity/revise-opportunity.js";
import { addMinutes, iso } from "../shared/time.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import { withCancelled, withScheduled } from "../sla/deadline-refs.js";
import { firstContactDeadlines } from "../sla/first-contact-deadlines.js";
import { newTask } from "../task/new-task.js";
import type { MarketplaceIntent, MarketplaceOutcome } from "./marketplace.types.js";
import { isVisibilityDeadline } from "./visibility-deadlines.js";

/**
 * The meeting in the owner's calendar, when there is an owner and the meeting is still ahead.
 * The id carries the start, so a replay asks once and a moved meeting asks again.
 */
export const calendarIntent = (
  opportunity: Pick<Opportunity, "id" | "ownerId" | "marketplace">,
  now: Date,
): MarketplaceIntent[] => {
  const meetingAt = opportunity.marketplace?.meetingAt ?? null;
  if (opportunity.ownerId === null || meetingAt === null) return [];
  if (Date.parse(meetingAt) <= now.getTime()) return [];
  return [
    {
      type: "calendar-event",
      id: `calendar:${opportunity.id}:${Date.parse(meetingAt)}`,
      opportunityId: opportunity.id,
      userId: opportunity.ownerId,
      startsAt: meetingAt,
    },
  ];
};

/**
 * SPEC §4.4 reveal, by acceptance or by the 48 h mark: the visibility clocks stop, the owner
 * and followers are told (the contact-revealed line), the owner gets a first-contact task due
 * within the tenant's first-contact target, and a known meeting goes into their calendar.
 * `before` is the opportunity with whatever the event filled in, still hidden; `read` is the
 * record as read (the write is conditional on it).
 */
export const revealContact = (
  read: Opportunity,
  before: Opportunity,
  automatic: boolean,
  ctx: UseCaseContext,
): MarketplaceOutcome<Opportunity> => {
  const { subject: stopped, cancelled } = withCancelled(before, isVisibilityDeadline);
  const application = before.marketplace;
  if (application === null) throw new Error("Only a marketplace opportunity is revealed.");
  const shown = reviseOpportunity(
    stopped,
    { marketplace: { ...application, visibility: "revealed", revealedAt: iso(ctx.now) } },
    ctx,
  );
  // Unassigned, the opportunity waits in the first-contact queue for a claim instead; a
  // closed one (discarded while hidden) needs no contact.
  const open = shown.status === "open";
  // SPEC §5 from the reveal, as a web-form lead's from its arrival: target and escalation.
  const clocks =
    open && shown.firstContact.state === "awaiting"
      ? firstContactDeadlines(shown, ctx.settings)
      : [];
  const after = withScheduled(shown, clocks);
  const revealed = {
    changes: [
      opportunityChange(read, after),
      activityChange(after.id, { type: "contact-revealed", automatic }, ctx),
    ],
    schedule: clocks,
    cancel: cancelled,
  };
  const task =
    after.ownerId === null || !open
      ? []
      : [
          newTask(
            {
              kind: "first-contact",
              dueAt: addMinutes(ctx.now, ctx.settings.durations.firstContactTargetMinutes),
              ownerId: after.ownerId,
              opportunityId: after.id,
              contactId: after.contact.id,
              contactName: after.contact.name,
              origin: "marketplace",
            },
            ctx,
          ),
        ];
  return {
    ...mergeChangeSets(revealed, ...task),
    value: after,
    intents: open ? calendarIntent(after, ctx.now) : [],
  };
};
