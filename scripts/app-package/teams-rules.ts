// Rules Teams enforces when a package is uploaded that the bundled JSON schema does not express,
// checked offline like the schema so that `npm run package` refuses what Teams would refuse.

type Scoped = { scopes?: unknown };
type Manifest = {
  manifestVersion?: unknown;
  supportsChannelFeatures?: unknown;
  defaultInstallScope?: unknown;
  bots?: Scoped[];
  configurableTabs?: Scoped[];
  staticTabs?: Scoped[];
  composeExtensions?: Scoped[];
};

/** "1.30" → 30; the developer preview counts as newer than every numbered version. */
const minorVersion = (version: unknown): number => {
  if (version === "devPreview") return Number.POSITIVE_INFINITY;
  const match = typeof version === "string" ? /^1\.(\d+)$/.exec(version) : null;
  return match ? Number(match[1]) : 0;
};

const supportsTeamScope = (manifest: Manifest): boolean => {
  const entries = [
    ...(manifest.bots ?? []),
    ...(manifest.configurableTabs ?? []),
    ...(manifest.staticTabs ?? []),
    ...(manifest.composeExtensions ?? []),
  ];
  return (
    manifest.defaultInstallScope === "team" ||
    entries.some((entry) => Array.isArray(entry.scopes) && entry.scopes.includes("team"))
  );
};

/** Violations as "path: message" lines, like schemaErrors; empty when Teams would accept it. */
export const teamsRuleErrors = (document: unknown): string[] => {
  const manifest = (typeof document === "object" && document !== null ? document : {}) as Manifest;
  const errors: string[] = [];
  // Teams refuses manifests 1.25+ with the team scope and no supportsChannelFeatures; "tier1"
  // (the only value) makes the app available in shared and private channels too (Microsoft:
  // "Adapt Microsoft Teams app for private and shared channels", app manifest update).
  if (
    minorVersion(manifest.manifestVersion) >= 25 &&
    supportsTeamScope(manifest) &&
    manifest.supportsChannelFeatures !== "tier1"
  ) {
    errors.push(
      '/supportsChannelFeatures: must be "tier1" in a manifest 1.25 or later with the team scope',
    );
  }
  return errors;
};
