import type { OpportunityListItem as Opportunity } from "@dealflow/contract";
import { Badge } from "@fluentui/react-components";
import { useI18n } from "../../i18n/i18n.js";
import { badgeText } from "./marketplace-text.js";

/**
 * A marketplace opportunity's visibility state on a queue row, a pipeline card or a list row.
 * The state is in the words ("Hidden · reveals in 31h", "Withheld"), never in a colour alone.
 */
export const MarketplaceBadge = (props: { opportunity: Opportunity; now: Date }) => {
  const { t, locale } = useI18n();
  const application = props.opportunity.marketplace;
  if (!application) return null;
  // A word apart from the name it follows; nothing at all (no stray space) for other leads.
  return (
    <>
      {" "}
      <Badge appearance="outline" color="informative" shape="rounded" data-marketplace-badge="">
        {badgeText(application, { t, locale, now: props.now })}
      </Badge>
    </>
  );
};
