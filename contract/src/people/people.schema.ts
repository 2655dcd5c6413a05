import { z } from "zod";

/** A query shorter than this matches half the directory; the picker asks for more letters. */
export const MIN_PEOPLE_QUERY = 2;

/** GET /api/people?q=: the follower picker's directory search. */
export const searchPeopleQuery = z.object({
  q: z.string().trim().min(MIN_PEOPLE_QUERY).max(100),
});

export type SearchPeopleQuery = z.input<typeof searchPeopleQuery>;

/** A person of the organisation's directory (id = Entra object id, Dealflow's user id). */
export const personMatchSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
});

export type PersonMatch = z.output<typeof personMatchSchema>;

export const peopleFoundSchema = z.object({ items: z.array(personMatchSchema) });

export type PeopleFound = z.output<typeof peopleFoundSchema>;
