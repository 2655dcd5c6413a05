import type { OpportunityListItem as Opportunity } from "@dealflow/contract";
import { formatAmount, formatElapsed } from "../../i18n/format.js";
import type { Locale, Translate } from "../../i18n/i18n.js";

/** What a card and a list row say about an opportunity, in the user's words. */
export const cardFacts = (
  opportunity: Opportunity,
  context: {
    t: Translate;
    locale: Locale;
    now: Date;
    userNames: ReadonlyMap<string, string>;
  },
) => {
  const { t, locale, now, userNames } = context;
  const ownerName = opportunity.ownerId ? userNames.get(opportunity.ownerId) : undefined;
  return {
    owner: ownerName ?? t("pipeline.unassigned"),
    value: opportunity.value ? formatAmount(opportunity.value, locale) : null,
    elapsed: formatElapsed(now.getTime() - new Date(opportunity.receivedAt).getTime(), locale),
  };
};

/** The session's user moves only what the server says they may edit (SPEC §7). */
export const canMove = (opportunity: Opportunity): boolean => opportunity.permissions.edit;
