// `${{VAR}}` placeholders, as the Agents Toolkit writes them in manifest.json, the localization
// files and aad.manifest.json.

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

const WELL_FORMED = new RegExp(`^${PLACEHOLDER.source}$`);

// Anything still looking like a placeholder after resolution: a typo such as `${{ 1X }}`, or
// the `$\{{` form of the Toolkit's project templates that was never rendered.
const LEFTOVER = /\$\\?\{\{[^}]*\}\}/g;

/** Variables that may be empty on purpose (a production build has no name suffix). */
export const MAY_BE_EMPTY: ReadonlySet<string> = new Set(["APP_NAME_SUFFIX"]);

export type Resolution = { text: string; unresolved: string[] };

/**
 * Fills in every placeholder of a JSON document's text. A value is escaped as JSON string
 * content (the placeholders sit inside strings). A variable that is missing, or empty unless
 * listed in MAY_BE_EMPTY, is reported in `unresolved` by name, as is any leftover placeholder.
 */
export const resolvePlaceholders = (
  json: string,
  vars: Readonly<Record<string, string>>,
): Resolution => {
  const unresolved = new Set<string>();
  const text = json.replace(PLACEHOLDER, (match, name: string) => {
    const value = vars[name];
    if (value === undefined || (value === "" && !MAY_BE_EMPTY.has(name))) {
      unresolved.add(name);
      return match;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  for (const leftover of text.match(LEFTOVER) ?? []) {
    if (!WELL_FORMED.test(leftover)) unresolved.add(leftover);
  }
  return { text, unresolved: [...unresolved] };
};

/** The names of the variables a document's placeholders use. */
export const placeholderNames = (json: string): string[] => [
  ...new Set([...json.matchAll(PLACEHOLDER)].map((match) => match[1] ?? "")),
];
