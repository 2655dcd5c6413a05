import type { Labelled, Pipeline } from "@dealflow/contract";
import type { ManagerSettings, StageRole } from "../../api/settings-api.js";
import type { Locale, Translate } from "../../i18n/i18n.js";
import {
  DURATION_FIELDS,
  type DurationInputs,
  formatAmount,
  parseDuration,
} from "./durations/duration-fields.js";
import { SETTINGS_ID } from "./id-from-label.js";

/** Field path (as the server names it: `pipelines.0.teamId`) → what is wrong with it. */
export type FieldErrors = ReadonlyMap<string, string>;

const INTAKE_KEY = /^[a-z0-9][a-z0-9-]{2,63}$/;
/** The server's range for `retentionDays` (core's MIN_/MAX_RETENTION_DAYS), checked before saving. */
const RETENTION_DAYS = { min: 7, max: 3650 } as const;
const LABEL_MAX = 80;

// Roles the rules depend on: exactly one stage receives new opportunities and one closes each way.
const REQUIRED_ROLES: readonly StageRole[] = ["new", "won", "lost"];
const SINGLE_ROLES: readonly StageRole[] = ["second-contact", "proposal"];

export const isTimeZone = (value: string): boolean => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return value.trim() !== "";
  } catch {
    return false;
  }
};

const checkLabel = (errors: Map<string, string>, path: string, label: string, t: Translate) => {
  if (label.trim() === "") errors.set(path, t("field.required"));
  else if (label.trim().length > LABEL_MAX)
    errors.set(path, t("settings.error.tooLong", { max: LABEL_MAX }));
};

export const checkChoices = (
  errors: Map<string, string>,
  list: "discardReasons" | "sources",
  items: readonly Labelled[],
  t: Translate,
) => {
  if (items.length === 0) errors.set(list, t("settings.error.atLeastOne"));
  const labels = new Set<string>();
  const ids = new Set<string>();
  items.forEach((item, index) => {
    checkLabel(errors, `${list}.${index}.label`, item.label, t);
    const label = item.label.trim().toLowerCase();
    if (label !== "" && labels.has(label))
      errors.set(`${list}.${index}.label`, t("settings.error.duplicateLabel"));
    labels.add(label);
    if (ids.has(item.id) || !SETTINGS_ID.test(item.id))
      errors.set(`${list}.${index}.label`, t("settings.error.duplicateId", { id: item.id }));
    ids.add(item.id);
  });
};

/** SPEC §2 and the stage roles: a pipeline's stages, each role where the rules look for it. */
export const checkPipeline = (
  errors: Map<string, string>,
  pipeline: Pipeline,
  index: number,
  t: Translate,
) => {
  const at = `pipelines.${index}`;
  checkLabel(errors, `${at}.name`, pipeline.name, t);
  const problems: string[] = [];
  if (pipeline.stages.length < 3) problems.push(t("settings.error.fewStages"));
  if (pipeline.stages.length > 20) problems.push(t("settings.error.manyStages"));
  for (const role of REQUIRED_ROLES) {
    const count = pipeline.stages.filter((stage) => stage.role === role).length;
    if (count !== 1)
      problems.push(t("settings.error.roleExactlyOne", { role: t(`settings.role.${role}`) }));
  }
  for (const role of SINGLE_ROLES) {
    if (pipeline.stages.filter((stage) => stage.role === role).length > 1)
      problems.push(t("settings.error.roleAtMostOne", { role: t(`settings.role.${role}`) }));
  }
  const ids = pipeline.stages.map((stage) => stage.id);
  if (new Set(ids).size !== ids.length) problems.push(t("settings.error.stageIds"));
  if (problems.length > 0) errors.set(`${at}.stages`, problems.join(" "));
  for (const [stageIndex, stage] of pipeline.stages.entries())
    checkLabel(errors, `${at}.stages.${stageIndex}.name`, stage.name, t);
  if (pipeline.visibility === "team" && (pipeline.teamId ?? "").trim() === "")
    errors.set(`${at}.teamId`, t("settings.error.teamRequired"));
};

const checkIntakeForms = (errors: Map<string, string>, draft: ManagerSettings, t: Translate) => {
  const sources = new Set(draft.sources.map((source) => source.id));
  const pipelines = new Set(draft.pipelines.map((pipeline) => pipeline.id));
  const keys = new Set<string>();
  draft.intakeForms.forEach((form, index) => {
    const at = `intakeForms.${index}`;
    if (!INTAKE_KEY.test(form.key)) errors.set(`${at}.key`, t("settings.error.formKey"));
    else if (keys.has(form.key)) errors.set(`${at}.key`, t("settings.error.formKeyUsed"));
    keys.add(form.key);
    checkLabel(errors, `${at}.name`, form.name, t);
    if (!sources.has(form.source)) errors.set(`${at}.source`, t("settings.error.noSuchSource"));
    if (form.pipelineId !== null && !pipelines.has(form.pipelineId))
      errors.set(`${at}.pipelineId`, t("settings.error.noSuchPipeline"));
    if (form.routing === "owner" && form.ownerId === null)
      errors.set(`${at}.ownerId`, t("settings.error.ownerRequired"));
  });
};

/**
 * Everything the form can tell before saving, under the paths the server would name. The
 * server checks again; its 400 lands on the same fields.
 */
export const validateSettings = (
  draft: ManagerSettings,
  durations: DurationInputs,
  t: Translate,
  locale: Locale,
): FieldErrors => {
  const errors = new Map<string, string>();
  for (const field of DURATION_FIELDS) {
    const input = durations[field.path];
    const parsed = input ? parseDuration(field, input) : null;
    if (!parsed || !("problem" in parsed)) continue;
    const { problem } = parsed;
    const message =
      problem.key === "settings.error.range"
        ? t(problem.key, {
            min: formatAmount(locale, field, field.min),
            max: formatAmount(locale, field, field.max),
          })
        : problem.key === "settings.error.wholeNumber"
          ? t(problem.key, { unit: t(`settings.unit.${problem.unit}`) })
          : t(problem.key);
    errors.set(field.path, message);
  }
  checkChoices(errors, "discardReasons", draft.discardReasons, t);
  checkChoices(errors, "sources", draft.sources, t);
  if (draft.pipelines.length === 0) errors.set("pipelines", t("settings.error.atLeastOne"));
  for (const [index, pipeline] of draft.pipelines.entries())
    checkPipeline(errors, pipeline, index, t);
  if (!isTimeZone(draft.timeZone)) errors.set("timeZone", t("settings.error.timeZone"));
  const days = draft.retentionDays;
  if (!Number.isInteger(days) || days < RETENTION_DAYS.min || days > RETENTION_DAYS.max)
    errors.set(
      "retentionDays",
      t("settings.error.range", { min: RETENTION_DAYS.min, max: RETENTION_DAYS.max }),
    );
  checkIntakeForms(errors, draft, t);
  return errors;
};
