import { activityChange } from "../activity/new-activity.js";
import { type Outcome, unchanged } from "../changes/change-set.js";
import { assertCanEdit } from "../permissions/permissions.js";
import { assertInTenant } from "../shared/tenant-guard.js";
import type { UseCaseContext } from "../shared/use-case-context.js";
import {
  type FieldErrors,
  oneOf,
  optionalText,
  requiredText,
  throwIfInvalid,
} from "../shared/validation.js";
import { MAX_TITLE_LENGTH } from "./create-opportunity.js";
import type { Money, Opportunity, OpportunityDetailField } from "./opportunity.types.js";
import { normalizeTags, optionalMoney } from "./opportunity-fields.js";
import { opportunityChange, reviseOpportunity } from "./revise-opportunity.js";

/** Absent fields stay as they are; `null` clears value and campaign. */
export type OpportunityDetailsPatch = {
  title?: string;
  value?: Money | null;
  tags?: string[];
  campaign?: string | null;
  /** One of the tenant's sources (a source since removed from settings may stay as it is). */
  source?: string;
};

export type EditOpportunityInput = { opportunity: Opportunity; patch: OpportunityDetailsPatch };

const sameMoney = (a: Money | null, b: Money | null) =>
  a === b || (a !== null && b !== null && a.amount === b.amount && a.currency === b.currency);

const sameTags = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((tag, i) => tag === b[i]);

/**
 * SPEC §4.1's editable details of an opportunity (owner, stage and roles have their own use
 * cases). Only the fields that really change are written and named on the timeline, so a
 * form saved without edits writes nothing.
 */
export const editOpportunity = (
  input: EditOpportunityInput,
  ctx: UseCaseContext,
): Outcome<Opportunity> => {
  const before = input.opportunity;
  assertInTenant(before, ctx.tenantId);
  assertCanEdit(ctx.actor, before, ctx.settings);
  const { patch } = input;
  const errors: FieldErrors = [];
  const title =
    patch.title === undefined
      ? before.title
      : requiredText(patch.title, "title", MAX_TITLE_LENGTH, errors);
  const value =
    patch.value === undefined ? before.value : optionalMoney(patch.value, "value", errors);
  const tags = patch.tags === undefined ? before.tags : normalizeTags(patch.tags, "tags", errors);
  const campaign =
    patch.campaign === undefined
      ? before.campaign
      : optionalText(patch.campaign, "campaign", 200, errors);
  const source =
    patch.source === undefined || patch.source === before.source
      ? before.source
      : (oneOf(
          patch.source,
          ctx.settings.sources.map((s) => s.id),
          "source",
          errors,
        ) ?? before.source);
  throwIfInvalid(errors, "The opportunity's details are not valid.");

  const fields: OpportunityDetailField[] = [];
  if (title !== before.title) fields.push("title");
  if (!sameMoney(value, before.value)) fields.push("value");
  if (!sameTags(tags, before.tags)) fields.push("tags");
  if (campaign !== before.campaign) fields.push("campaign");
  if (source !== before.source) fields.push("source");
  if (fields.length === 0) return unchanged(before);

  const after = reviseOpportunity(before, { title, value, tags, campaign, source }, ctx);
  return {
    value: after,
    changes: [
      opportunityChange(before, after),
      activityChange(before.id, { type: "details-changed", fields }, ctx),
    ],
    schedule: [],
    cancel: [],
  };
};
