import type { Role } from "@dealflow/contract";
import type { MessageKey } from "../i18n/catalog-en.js";

export type ViewId =
  | "agenda"
  | "first-contact"
  | "second-contact"
  | "mine"
  | "following"
  | "contacts"
  | "pipeline"
  | "offers"
  | "marketplace"
  | "reports"
  | "settings";

type NavItem = { id: ViewId; label: MessageKey; managersOnly: boolean };

const NAV_ITEMS: readonly NavItem[] = [
  { id: "agenda", label: "nav.agenda", managersOnly: false },
  { id: "first-contact", label: "nav.firstContact", managersOnly: false },
  { id: "second-contact", label: "nav.secondContact", managersOnly: false },
  { id: "mine", label: "nav.mine", managersOnly: false },
  { id: "following", label: "nav.following", managersOnly: false },
  { id: "contacts", label: "contacts.nav", managersOnly: false },
  { id: "pipeline", label: "nav.pipeline", managersOnly: false },
  { id: "offers", label: "offers.nav", managersOnly: false },
  { id: "marketplace", label: "marketplace.nav", managersOnly: false },
  { id: "reports", label: "nav.reports", managersOnly: true },
  { id: "settings", label: "nav.settings", managersOnly: true },
];

export const navItemsFor = (role: Role): NavItem[] =>
  NAV_ITEMS.filter((item) => role === "manager" || !item.managersOnly);

/** "#/opportunities/<id>" → the id of the opportunity whose detail to show; else null. */
export const opportunityFromHash = (hash: string): string | null => {
  const match = /^#\/?opportunities\/([^/?#]+)$/.exec(hash);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
};

/**
 * "#/first-contact" → "first-contact" when that view is offered to this role; else Agenda. A
 * query ("#/pipeline?pipeline=sales") is the view's own and does not change which view it is.
 */
export const viewFromHash = (hash: string, role: Role): ViewId => {
  const wanted = hash.replace(/^#\/?/, "").split("?")[0];
  return navItemsFor(role).find((item) => item.id === wanted)?.id ?? "agenda";
};
