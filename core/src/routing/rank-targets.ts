import { normalizeText } from "../shared/text.js";
import { LEVELS, type Level, type RoutingCriteria, type RoutingTarget } from "./routing.types.js";

// Codes (services, countries, languages) come from forms and connectors in any case.
const sameCode = (a: string, b: string): boolean =>
  a.trim().toLowerCase() === b.trim().toLowerCase();

// A criterion sent blank by a form is a criterion left out: it matches everything.
const given = (value: string | undefined): value is string =>
  value !== undefined && value.trim() !== "";

const levelRank = (level: Level): number => LEVELS.indexOf(level);

type LanguageMatch = "primary" | "secondary" | "none";

const languageMatch = (target: RoutingTarget, language: string): LanguageMatch => {
  if (sameCode(target.primaryLanguage, language)) return "primary";
  if (target.secondaryLanguages.some((l) => sameCode(l, language))) return "secondary";
  return "none";
};

/** SPEC §4.5: the active targets that meet every criterion given. */
export const matchTargets = (
  criteria: RoutingCriteria,
  targets: readonly RoutingTarget[],
): RoutingTarget[] => {
  const { service, country, language, type, level, name } = criteria;
  const wantedName = given(name) ? normalizeText(name) : null;
  return targets.filter(
    (target) =>
      target.active &&
      (!given(service) || target.services.some((s) => sameCode(s, service))) &&
      (!given(country) || (target.country !== null && sameCode(target.country, country))) &&
      (!given(language) || languageMatch(target, language) !== "none") &&
      (type === undefined || target.type === type) &&
      (level === undefined || levelRank(target.level) >= levelRank(level)) &&
      (wantedName === null || normalizeText(target.name).includes(wantedName)),
  );
};

// Code-unit order, not localeCompare: the same on every machine and in every locale.
const compareIds = (a: string, b: string): number => {
  if (a === b) return 0;
  return a < b ? -1 : 1;
};

const LANGUAGE_ORDER: Record<LanguageMatch, number> = { primary: 0, secondary: 1, none: 2 };

/**
 * SPEC §4.5 ranking, best first: primary language, secondary language, level, rating,
 * completed projects, fewest open offers; the id breaks full ties so the order is stable
 * across runs and machines.
 */
const compareTargets =
  (criteria: RoutingCriteria, openOffersByTarget: ReadonlyMap<string, number>) =>
  (a: RoutingTarget, b: RoutingTarget): number => {
    const { language } = criteria;
    const byLanguage = given(language)
      ? LANGUAGE_ORDER[languageMatch(a, language)] - LANGUAGE_ORDER[languageMatch(b, language)]
      : 0;
    return (
      byLanguage ||
      levelRank(b.level) - levelRank(a.level) ||
      b.rating - a.rating ||
      b.completedProjects - a.completedProjects ||
      (openOffersByTarget.get(a.id) ?? 0) - (openOffersByTarget.get(b.id) ?? 0) ||
      compareIds(a.id, b.id)
    );
  };

/** The matching targets (see `matchTargets`), best first. Does not reorder its input. */
export const rankTargets = (
  criteria: RoutingCriteria,
  targets: readonly RoutingTarget[],
  openOffersByTarget: ReadonlyMap<string, number>,
): RoutingTarget[] =>
  matchTargets(criteria, targets).sort(compareTargets(criteria, openOffersByTarget));

/** Automatic routing: the top `n` ranked targets each receive an offer. */
export const pickOfferTargets = (
  criteria: RoutingCriteria,
  targets: readonly RoutingTarget[],
  openOffersByTarget: ReadonlyMap<string, number>,
  n: number,
): RoutingTarget[] => rankTargets(criteria, targets, openOffersByTarget).slice(0, Math.max(0, n));
