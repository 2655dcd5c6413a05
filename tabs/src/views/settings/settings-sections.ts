export const SETTINGS_SECTIONS = [
  "durations",
  "discardReasons",
  "sources",
  "pipelines",
  "managers",
  "teams",
  "region",
  "notifications",
  "intakeForms",
  "marketplaces",
  "routingTargets",
  "import",
] as const;

export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

/** The section showing the field a path names (`pipelines.0.teamId` → pipelines), to jump to an error. */
export const sectionOf = (path: string): SettingsSection | null => {
  const head = path.split(".")[0] ?? "";
  if (head === "durations" || head === "routingOffersAtOnce") return "durations";
  if (head === "managerIds") return "managers";
  if (head === "activityFeed" || head === "retentionDays") return "notifications";
  if (head === "timeZone" || head === "locale" || head === "workingHours") return "region";
  if (
    head === "discardReasons" ||
    head === "sources" ||
    head === "pipelines" ||
    head === "intakeForms" ||
    head === "marketplaces"
  )
    return head;
  return null;
};
