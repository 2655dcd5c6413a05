import type { z } from "zod";
import { DomainError, type FieldError } from "../shared/domain-error.js";
import { settingsSchema } from "./settings.schema.js";

/** A tenant's settings. Every field has a default (SPEC §3). */
export type Settings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;
export type Durations = Settings["durations"];
export type MarketplaceConnectorSettings = Settings["marketplaces"][number];

export const defaultSettings = (): Settings => settingsSchema.parse({});

/** Parses settings, filling defaults; a value out of range is a `validation` error naming it. */
export const validateSettings = (input: unknown): Settings => {
  const parsed = settingsSchema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const errors: FieldError[] = parsed.error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(root)",
    message: issue.message,
  }));
  throw new DomainError("validation", "The settings are not valid.", errors);
};
