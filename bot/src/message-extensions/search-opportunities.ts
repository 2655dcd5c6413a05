import type { BotUser } from "../commands/bot-user.js";
import { type ExtensionAnswer, type InvokeValue, results } from "./compose-extension.js";
import { type ExtensionDeps, summaryAttachments } from "./opportunity-attachments.js";

/** Teams asks 25 at a time; more than this in one answer is never needed. */
const MAX_COUNT = 50;
const MAX_QUERY_LENGTH = 200;

/**
 * `searchOpportunities` (issue 21): the opportunities the user may read whose contact or title
 * matches `searchText`, newest first; empty (or `initialRun`) shows their newest. Paged by
 * `queryOptions` (skip, count), as Teams asks while the user scrolls.
 */
export const searchOpportunities = async (
  deps: ExtensionDeps,
  user: BotUser,
  value: InvokeValue,
): Promise<ExtensionAnswer> => {
  const initialRun = value.parameter("initialRun") === "true";
  const text = initialRun ? "" : (value.parameter("searchText") ?? "").slice(0, MAX_QUERY_LENGTH);
  // Managers by the tenant's list too (resolveBotUser), so the list reads as their role says.
  const viewer = { ...user.viewer, role: user.manager ? "manager" : "seller" } as const;
  const found = await deps.data.searchOpportunities(viewer, text, {
    skip: value.skip,
    count: Math.min(value.count, MAX_COUNT),
  });
  return results(await summaryAttachments(deps, user, found));
};
