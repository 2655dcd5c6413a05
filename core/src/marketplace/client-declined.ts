import { activityChange } from "../activity/new-activity.js";
import { type EntityChange, unchanged } from "../changes/change-set.js";
import type { Opportunity } from "../opportunity/opportunity.types.js";
import { opportunityChange, reviseOpportunity } from "../opportunity/revise-opportunity.js";
import { stageWithRole } from "../pipeline/pipeline.types.js";
import { iso } from "../shared/time.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import { type FieldErrors, invalidInput } from "../shared/validation.js";
import { withCancelled } from "../sla/deadline-refs.js";
import type { EventInstant, MarketplaceOutcome } from "./marketplace.types.js";
import { applicationFor } from "./marketplace-guards.js";
import { optionalInstant } from "./optional-instant.js";
import { refundOnDecline } from "./refund-rules.js";
import { isVisibilityDeadline } from "./visibility-deadlines.js";

export type ClientDeclinedInput = {
  opportunity: Opportunity;
  /** When the client declined on the marketplace (a webhook may arrive late); defaults to now. */
  declinedAt?: EventInstant | null;
};

/**
 * SPEC §4.4 "client declines". While the contact is still hidden the decline withholds it for
 * good — even past the 48 h mark if the reveal has not been applied yet: the client's no wins
 * over our late timer — the visibility clocks stop, the refund is decided (refundOnDecline)
 * and the opportunity is lost: nobody can ever reach the client. Once revealed the contact
 * cannot be unseen: it stays revealed and open, the refund is marked not eligible, and a
 * `client-declined` line tells the owner and followers. A replayed decline writes nothing.
 */
export const clientDeclined = (
  input: ClientDeclinedInput,
  ctx: UseCaseContext,
): MarketplaceOutcome<Opportunity> => {
  const before = input.opportunity;
  const application = applicationFor(before, ctx);
  const errors: FieldErrors = [];
  const declinedAt = optionalInstant(input.declinedAt, "declinedAt", errors) ?? ctx.now;
  if (errors.length > 0) throw invalidInput(errors, "The decline is not valid.");
  // A marketplace clock running ahead cannot date the decline after our now.
  const at = declinedAt.getTime() > ctx.now.getTime() ? ctx.now : declinedAt;
  const decision = refundOnDecline(application, at);

  if (application.visibility === "withheld") return { ...unchanged(before), intents: [] };
  if (application.visibility === "revealed") {
    if (application.refund !== "none") return { ...unchanged(before), intents: [] };
    const after = reviseOpportunity(before, { marketplace: { ...application, ...decision } }, ctx);
    return {
      value: after,
      changes: [
        opportunityChange(before, after),
        activityChange(before.id, { type: "client-declined", ...decision }, ctx),
      ],
      schedule: [],
      cancel: [],
      intents: [],
    };
  }

  const { subject: stopped, cancelled } = withCancelled(before, isVisibilityDeadline);
  const pipeline = ctx.settings.pipelines.find((candidate) => candidate.id === before.pipelineId);
  const lostStage = pipeline === undefined ? undefined : stageWithRole(pipeline, "lost");
  const closes = before.status === "open";
  const after = reviseOpportunity(
    stopped,
    {
      marketplace: { ...application, visibility: "withheld", ...decision },
      ...(closes
        ? { status: "lost", closedAt: iso(ctx.now), stage: lostStage?.id ?? before.stage }
        : {}),
    },
    ctx,
  );
  const changes: EntityChange[] = [
    opportunityChange(before, after),
    activityChange(before.id, { type: "contact-withheld", ...decision }, ctx),
  ];
  if (after.stage !== before.stage) {
    changes.push(
      activityChange(
        before.id,
        { type: "stage-changed", from: before.stage, to: after.stage },
        ctx,
      ),
    );
  }
  return { value: after, changes, schedule: [], cancel: cancelled, intents: [] };
};
