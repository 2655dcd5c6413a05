import type { Task } from "@dealflow/core";
import type { LinkConfig } from "../cards/deep-link.js";
import {
  type ExtensionAttachment,
  opportunitySummaryAttachment,
} from "../cards/message-extension-cards.js";
import { showOpportunity, showTask } from "../cards/shown.js";
import { type BotUser, nameBook, stageNameOf } from "../commands/bot-user.js";
import { type BotData, type FoundOpportunity, readAll } from "../ports/bot-data.js";

export type ExtensionDeps = { data: BotData; links: LinkConfig };

/** The cards of opportunities the user may read, each redacted by its stored record. */
export const summaryAttachments = async (
  deps: ExtensionDeps,
  user: BotUser,
  found: readonly FoundOpportunity[],
): Promise<ExtensionAttachment[]> => {
  const names = nameBook(deps.data, user.tenantId);
  return Promise.all(
    found.map(async ({ opportunity: stored, nextTask }) =>
      opportunitySummaryAttachment(
        {
          opportunity: showOpportunity(stored),
          stageName: stageNameOf(user, stored),
          ownerName: await names(stored.ownerId),
          nextTask: nextTask && showTask(nextTask, stored),
        },
        user,
        deps.links,
      ),
    ),
  );
};

/** An opportunity's soonest open task, for a card of one opportunity. */
export const nextTaskOf = async (
  data: BotData,
  tenantId: string,
  opportunityId: string,
): Promise<Task | null> => {
  const tasks = await readAll((page) => data.listTasksOfOpportunity(tenantId, opportunityId, page));
  return (
    tasks
      .filter((task) => task.status === "open")
      .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt))[0] ?? null
  );
};
