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
