/** The navigation's views a seller sees (CONTRACTS.md hash routes, `#/<view>`). */
export const SELLER_NAV_VIEWS = [
  "agenda",
  "first-contact",
  "second-contact",
  "mine",
  "following",
  "pipeline",
  "offers",
  "marketplace",
];

/** A manager's views: a seller's and Reports and Settings. */
export const MANAGER_NAV_VIEWS = [...SELLER_NAV_VIEWS, "reports", "settings"];
