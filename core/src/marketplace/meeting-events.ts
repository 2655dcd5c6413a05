import { unchanged } from "../changes/change-set.js";
import type { Opportunity } from "../opportunity/opportunity.types.js";
import { opportunityChange, reviseOpportunity } from "../opportunity/revise-opportunity.js";
import { iso } from "../shared/time.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import {
  type FieldErrors,
  invalidInput,
  optionalHttpUrl,
  parseInstant,
} from "../shared/validation.js";
import type { EventInstant, MarketplaceOutcome } from "./marketplace.types.js";
import { applicationFor, assertNotWithheld } from "./marketplace-guards.js";
import { calendarIntent } from "./reveal-contact.js";

export type MeetingScheduledInput = {
  opportunity: Opportunity;
  meetingAt: EventInstant;
  meetingUrl?: string | null;
};

/**
 * SPEC §6 "meeting scheduled": the time is shown at once (it names nobody); the link stays
 * redacted while hidden. A revealed client's meeting goes into the owner's calendar.
 */
export const meetingScheduled = (
  input: MeetingScheduledInput,
  ctx: UseCaseContext,
): MarketplaceOutcome<Opportunity> => {
  const before = input.opportunity;
  const application = applicationFor(before, ctx);
  assertNotWithheld(application);
  const errors: FieldErrors = [];
  const meetingAt = parseInstant(input.meetingAt, "meetingAt", errors);
  const meetingUrl = optionalHttpUrl(input.meetingUrl, "meetingUrl", errors);
  if (meetingAt === null || errors.length > 0) {
    throw invalidInput(errors, "The meeting is not valid.");
  }
  const meeting = { meetingAt: iso(meetingAt), meetingUrl: meetingUrl ?? application.meetingUrl };
  if (
    application.meetingAt !== null &&
    Date.parse(application.meetingAt) === meetingAt.getTime() &&
    meeting.meetingUrl === application.meetingUrl
  ) {
    return { ...unchanged(before), intents: [] };
  }
  const after = reviseOpportunity(before, { marketplace: { ...application, ...meeting } }, ctx);
  return {
    value: after,
    changes: [opportunityChange(before, after)],
    schedule: [],
    cancel: [],
    // While hidden the reveal puts it in the calendar.
    intents: application.visibility === "revealed" ? calendarIntent(after, ctx.now) : [],
  };
};

/**
 * SPEC §6 "meeting held": recorded once; from then on a decline is not refunded (SPEC §4.4).
 */
export const meetingHeld = (
  input: { opportunity: Opportunity },
  ctx: UseCaseContext,
): MarketplaceOutcome<Opportunity> => {
  const before = input.opportunity;
  const application = applicationFor(before, ctx);
  assertNotWithheld(application);
  if (application.meetingHeld) return { ...unchanged(before), intents: [] };
  const after = reviseOpportunity(
    before,
    { marketplace: { ...application, meetingHeld: true } },
    ctx,
  );
  return {
    value: after,
    changes: [opportunityChange(before, after)],
    schedule: [],
    cancel: [],
    intents: [],
  };
};
