import { canonicalTimeZone, supportedLocaleOf } from "@dealflow/core";
import { z } from "zod";

export const roleSchema = z.enum(["seller", "manager"]);

export type Role = z.output<typeof roleSchema>;

/** CONTRACTS.md: `GET /api/me`. */
export const meSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  name: z.string(),
  role: roleSchema,
  locale: z.enum(["en", "es"]),
});

export type Me = z.output<typeof meSchema>;

/** A string read by `parse` into its stored form; null from `parse` is a refusal with `message`. */
const parsedBy = <T>(maxLength: number, parse: (value: string) => T | null, message: string) =>
  z
    .string()
    .max(maxLength)
    .transform((value, ctx) => {
      const parsed = parse(value);
      if (parsed !== null) return parsed;
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    });

/**
 * PUT /api/me/preferences: the signed-in user's language (a BCP 47 tag of one Dealflow speaks,
 * as Teams reports it) and IANA time zone, stored as `en`/`es` and the zone's canonical name.
 */
export const preferencesBody = z
  .strictObject({
    locale: parsedBy(
      35,
      supportedLocaleOf,
      "must be a language tag of en or es, such as es-ES",
    ).optional(),
    timeZone: parsedBy(
      64,
      canonicalTimeZone,
      "must be an IANA time zone such as Europe/Madrid",
    ).optional(),
  })
  .refine(
    (body) => body.locale !== undefined || body.timeZone !== undefined,
    "must set locale or timeZone",
  );

export type PreferencesBody = z.input<typeof preferencesBody>;

/** The signed-in user's recorded language and zone (null: the tenant's zone applies). */
export const preferencesSchema = z.object({
  locale: z.enum(["en", "es"]),
  timeZone: z.string().nullable(),
});

export type Preferences = z.output<typeof preferencesSchema>;

/** A person of the tenant as the tabs show them (owner names, owner and follower pickers). */
export const userSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  role: roleSchema,
  active: z.boolean(),
});

export type UserSummary = z.output<typeof userSummarySchema>;

/** CONTRACTS.md, dev mode only: `GET /api/dev/users`, the demo users the sign-in offers. */
export const devUsersSchema = z.object({
  tenantId: z.string(),
  users: z.array(
    z.object({ id: z.string(), name: z.string(), email: z.string().nullable(), role: roleSchema }),
  ),
});

export type DevUsers = z.output<typeof devUsersSchema>;

export type DevUser = DevUsers["users"][number];

/** CONTRACTS.md, dev mode only: `POST /api/dev/token`, a token for one demo user. */
export const devTokenRequest = z.object(
  { userId: z.string("is required").trim().min(1, "must not be empty").max(100) },
  "The body must be a JSON object with userId",
);

export type DevTokenRequest = z.input<typeof devTokenRequest>;

export const devTokenSchema = z.object({ token: z.string() });

export type DevToken = z.output<typeof devTokenSchema>;
