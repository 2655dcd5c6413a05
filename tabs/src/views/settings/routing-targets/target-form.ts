import type { RoutingTarget, TargetLevel, TargetType } from "../../../api/routing-api.js";
import type { RoutingTargetInput } from "../../../api/settings-api.js";
import type { Translate } from "../../../i18n/i18n.js";

export const TARGET_TYPES: readonly TargetType[] = ["agency", "freelancer", "internal"];
export const TARGET_LEVELS: readonly TargetLevel[] = ["none", "silver", "gold", "platinum"];

/** What the dialog edits: the lists as the comma-separated text typed. */
export type TargetForm = {
  name: string;
  type: TargetType;
  level: TargetLevel;
  country: string;
  primaryLanguage: string;
  secondaryLanguages: string;
  services: string;
  userId: string;
};

export type TargetField = keyof TargetForm;
export type TargetProblems = Partial<Record<TargetField, string>>;

export const emptyTargetForm: TargetForm = {
  name: "",
  type: "agency",
  level: "none",
  country: "",
  primaryLanguage: "",
  secondaryLanguages: "",
  services: "",
  userId: "",
};

export const toTargetForm = (target: RoutingTarget): TargetForm => ({
  name: target.name,
  type: target.type,
  level: target.level,
  country: target.country ?? "",
  primaryLanguage: target.primaryLanguage,
  secondaryLanguages: target.secondaryLanguages.join(", "),
  services: target.services.join(", "),
  userId: target.userId ?? "",
});

/** "es, en , ,fr, en" → ["es", "en", "fr"]: blanks and repeats dropped, as the server would. */
export const splitList = (text: string): string[] => [
  ...new Set(
    text
      .split(/[,;\n]/)
      .map((item) => item.trim())
      .filter((item) => item !== ""),
  ),
];

// The contract's routingTargetBody (contract/src/routing/): the limits the server checks again.
const LIMITS = {
  name: 200,
  country: 60,
  language: 35,
  service: 100,
  secondaryLanguages: 20,
  services: 50,
};

const listProblem = (items: string[], maxItems: number, maxLength: number, t: Translate) =>
  items.length > maxItems
    ? t("targets.error.tooMany", { max: maxItems })
    : items.some((item) => item.length > maxLength)
      ? t("settings.error.tooLong", { max: maxLength })
      : undefined;

const textProblem = (text: string, max: number, t: Translate, required: boolean) =>
  required && text.trim() === ""
    ? t("field.required")
    : text.trim().length > max
      ? t("settings.error.tooLong", { max })
      : undefined;

/** What the form can tell before sending, under the field names the server uses. */
export const checkTargetForm = (form: TargetForm, t: Translate): TargetProblems => {
  const problems: TargetProblems = {
    name: textProblem(form.name, LIMITS.name, t, true),
    country: textProblem(form.country, LIMITS.country, t, false),
    primaryLanguage: textProblem(form.primaryLanguage, LIMITS.language, t, true),
    secondaryLanguages: listProblem(
      splitList(form.secondaryLanguages),
      LIMITS.secondaryLanguages,
      LIMITS.language,
      t,
    ),
    services: listProblem(splitList(form.services), LIMITS.services, LIMITS.service, t),
  };
  return Object.fromEntries(
    Object.entries(problems).filter(([, message]) => message !== undefined),
  ) as TargetProblems;
};

/** The body to send; rating and counts come from the target as read (the reviews' numbers). */
export const toTargetInput = (
  form: TargetForm,
  before: RoutingTarget | null,
): RoutingTargetInput => ({
  name: form.name.trim(),
  type: form.type,
  level: form.level,
  country: form.country.trim() || null,
  primaryLanguage: form.primaryLanguage.trim(),
  // The primary language is not repeated among the others.
  secondaryLanguages: splitList(form.secondaryLanguages).filter(
    (language) => language.toLowerCase() !== form.primaryLanguage.trim().toLowerCase(),
  ),
  services: splitList(form.services),
  userId: form.userId || null,
  active: before?.active ?? true,
  rating: before?.rating ?? 0,
  reviewCount: before?.reviewCount ?? 0,
  completedProjects: before?.completedProjects ?? 0,
});

const FIELDS = new Set<string>(Object.keys(emptyTargetForm));

/** A 400's `errors[].path` ("services.3", "userId") on the dialog field that shows it. */
export const fieldOfPath = (path: string): TargetField | null => {
  const head = path.split(".")[0] ?? "";
  return FIELDS.has(head) ? (head as TargetField) : null;
};
