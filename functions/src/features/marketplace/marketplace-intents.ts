import type { MarketplaceIntent } from "@dealflow/core";
import { type Calendar, DEFAULT_MEETING_MINUTES } from "../../graph/calendar.js";
import type { Store } from "../../storage/store.js";

/**
 * Runs the intents that act outside the store, after the commit: the meeting goes into the
 * owner's calendar. The opportunity is re-read (the intent carries no client data) and the
 * event is only written while the client is revealed; the intent id is the calendar's
 * idempotency key, so a replay or a retry creates nothing more.
 */
export const executeIntents = async (
  deps: { store: Store; calendar: Calendar },
  tenantId: string,
  intents: readonly MarketplaceIntent[],
): Promise<void> => {
  for (const intent of intents) {
    if (intent.type !== "calendar-event") continue;
    const opportunity = await deps.store.getOpportunity(tenantId, intent.opportunityId);
    if (opportunity?.marketplace?.visibility !== "revealed") continue;
    const startsAt = new Date(intent.startsAt);
    const client = opportunity.contact.name;
    await deps.calendar.createEvent({
      tenantId,
      userId: intent.userId,
      subject: `${opportunity.title} — meeting with ${client}`,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + DEFAULT_MEETING_MINUTES * 60_000).toISOString(),
      meetingUrl: opportunity.marketplace.meetingUrl,
      text: `Marketplace meeting with ${client} (${opportunity.campaign ?? "marketplace"}), from Dealflow.`,
      idempotencyKey: intent.id,
    });
  }
};
