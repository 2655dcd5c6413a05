import type {
  MarketplaceApplication,
  OpportunityListItem as Opportunity,
} from "@dealflow/contract";
import type { MessageKey } from "../../i18n/catalog-en.js";
import type { Locale, Translate } from "../../i18n/i18n.js";
import { countdownTo, formatCountdown, isClientHidden } from "./marketplace-clock.js";

/**
 * The name a list or card shows for the opportunity's contact. The server puts a fixed
 * English placeholder in place of a hidden client's name; say it in the user's language.
 */
export const contactDisplayName = (
  opportunity: Pick<Opportunity, "marketplace" | "contact">,
  t: Translate,
): string =>
  isClientHidden(opportunity) ? t("marketplace.hiddenClient") : opportunity.contact.name;

/** The server's name for a hidden client (core's HIDDEN_CONTACT_NAME). */
export const HIDDEN_CLIENT_PLACEHOLDER = "Hidden client";

/**
 * The same for an answer that says nothing of the client's visibility (a report row): core
 * keeps the placeholder constant precisely so that a catalog can key on it.
 */
export const contactNameText = (name: string, t: Translate): string =>
  name === HIDDEN_CLIENT_PLACEHOLDER ? t("marketplace.hiddenClient") : name;

/** A marketplace opportunity's state in a few words for its badge ("Hidden · reveals in 31h"). */
export const badgeText = (
  application: MarketplaceApplication,
  context: { t: Translate; locale: Locale; now: Date },
): string => {
  const { t, locale, now } = context;
  switch (application.visibility) {
    case "withheld":
      return t("marketplace.badge.withheld");
    case "revealed":
      return t("marketplace.badge.revealed");
    case "hidden": {
      const reveal = countdownTo(application.revealAt, now);
      if (reveal === null) return t("marketplace.cell.hidden");
      return reveal.left > 0
        ? t("marketplace.badge.hidden", {
            countdown: formatCountdown(reveal.left, locale, "hours"),
          })
        : t("marketplace.badge.revealDue");
    }
  }
};

const REFUND_REASONS: Record<string, MessageKey> = {
  "meeting-held": "marketplace.refund.meeting-held",
  "declined-after-meeting-time": "marketplace.refund.declined-after-meeting-time",
  "declined-after-reveal": "marketplace.refund.declined-after-reveal",
};

/**
 * The refund decision in words, or null while there is none: the refund is decided when the
 * client declines, so before that "none" says nothing.
 */
export const refundText = (
  application: Pick<MarketplaceApplication, "visibility" | "refund" | "refundReason">,
  t: Translate,
): string | null => {
  switch (application.refund) {
    case "eligible":
      return t("marketplace.refund.eligible");
    case "not-eligible": {
      const key = application.refundReason ? REFUND_REASONS[application.refundReason] : undefined;
      // A reason newer than this tab is shown as the server stored it rather than dropped.
      const reason = key ? t(key) : (application.refundReason ?? "—");
      return t("marketplace.refund.notEligible", { reason });
    }
    case "none":
      return application.visibility === "withheld" ? t("marketplace.refund.noFee") : null;
  }
};
