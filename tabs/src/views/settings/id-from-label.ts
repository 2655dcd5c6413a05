/** The ids the settings schema accepts: lower-case letters, digits and dashes, at most 40. */
export const SETTINGS_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

/**
 * A stable id for a new list item from its label ("Feria 2026 (Madrid)" → "feria-2026-madrid"),
 * made unique against `taken` with a numeric suffix. Ids are what opportunities and CSV files
 * store, so a later rename changes only the label.
 */
export const idFromLabel = (label: string, taken: Iterable<string>, maxLength = 40): string => {
  const used = new Set(taken);
  const base =
    label
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, maxLength)
      .replace(/-+$/, "") || "item";
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, maxLength - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
};
