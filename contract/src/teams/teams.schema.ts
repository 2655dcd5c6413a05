import { z } from "zod";
import { idSchema } from "../common/common.schema.js";

/** A team's id is its Entra group id (`channelData.team.aadGroupId`), as pipelines name it. */
export const teamParams = z.object({ teamId: idSchema });

export const teamMemberParams = z.object({ teamId: idSchema, userId: idSchema });

/** One member of a team, and why they are in it: Teams' roster, a manager, or both. */
export const teamMemberSchema = z.object({
  userId: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
  /** Teams lists them in the team (the bot's last roster read). */
  fromTeams: z.boolean(),
  /** A manager added them in Settings. */
  addedByManager: z.boolean(),
  /** They have signed in to Dealflow (a Dealflow user of this tenant). */
  isUser: z.boolean(),
});

export type TeamMemberSummary = z.output<typeof teamMemberSchema>;

/** A team the bot is installed in, with its members (managers' Settings). */
export const teamSchema = z.object({
  id: z.string(),
  name: z.string(),
  installedAt: z.string(),
  members: z.array(teamMemberSchema),
});

export type Team = z.output<typeof teamSchema>;

/** GET /api/teams. */
export const teamListSchema = z.object({ items: z.array(teamSchema) });

export type TeamList = z.output<typeof teamListSchema>;
