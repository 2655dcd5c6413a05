import { TASK_KINDS, type TaskKind } from "@dealflow/core";
import { z } from "zod";

/** Ids as storage keys accept them (functions/src/storage/keys.ts keyPart). */
export const idSchema = z.string().regex(/^[A-Za-z0-9._:@+-]{1,200}$/, "is not a valid id");

export const idParams = z.object({ id: idSchema });

/** An instant with an explicit offset, within the years storage can hold. */
export const instantSchema = z.iso
  .datetime({ offset: true, message: "must be an ISO 8601 date-time with an offset" })
  .refine((value) => {
    const year = new Date(value).getUTCFullYear();
    return year >= 1970 && year <= 2199;
  }, "must be between 1970 and 2199");

export const cursorSchema = z.string().max(2_000);

export const pageQuery = {
  cursor: cursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
};

/** `?cursor=&limit=` of a paged list (users, an opportunity's notes and timeline). */
export const pageQuerySchema = z.object(pageQuery);

export type PageQuery = z.input<typeof pageQuerySchema>;

/** A field a request got wrong: its path as sent (`contact.email`, `query.limit`) and why. */
export const fieldErrorSchema = z.object({ path: z.string(), message: z.string() });

export type FieldError = z.output<typeof fieldErrorSchema>;

/**
 * The one error shape of the API (RFC 9457 problem+json, CONTRACTS.md): a 400 names every
 * field in `errors`; a problem may carry extension members (a consent problem's
 * `adminConsentUrl`), so readers keep the members they do not know.
 */
export const problemSchema = z.looseObject({
  type: z.string().optional(),
  status: z.number().int(),
  title: z.string(),
  detail: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
});

export type Problem = z.output<typeof problemSchema>;

/** List answers (CONTRACTS.md): the page's items and the cursor of the next one. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export type Page<T> = { items: T[]; nextCursor: string | null };

/** SPEC §4.3's kinds of task, as the agenda and the lists' next task show them. */
export const taskKindSchema = z.enum(TASK_KINDS as [TaskKind, ...TaskKind[]]);

export const moneySchema = z.object({ amount: z.number(), currency: z.string() });

export type Money = z.output<typeof moneySchema>;
