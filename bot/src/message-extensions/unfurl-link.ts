import { canRead } from "@dealflow/core";
import { linkedOpportunityId } from "../cards/deep-link.js";
import { privateLinkAttachment } from "../cards/message-extension-cards.js";
import type { BotUser } from "../commands/bot-user.js";
import type { Reader } from "../i18n/format.js";
import type { Translate } from "../i18n/translate.js";
import { type ExtensionAnswer, type InvokeValue, results } from "./compose-extension.js";
import { type ExtensionDeps, nextTaskOf, summaryAttachments } from "./opportunity-attachments.js";

/**
 * `composeExtension/queryLink` (issue 21): a tab link to an opportunity unfurls as its card for
 * someone who may read it. Anything else (another host, another tenant's id, an opportunity out
 * of sight) unfurls as nothing, the same nothing, so existence does not leak (SPEC §7).
 */
export const unfurlLink = async (
  deps: ExtensionDeps,
  user: BotUser,
  value: InvokeValue,
): Promise<ExtensionAnswer> => {
  const id = value.url === null ? null : linkedOpportunityId(value.url, deps.links);
  const stored = id === null ? null : await deps.data.getOpportunity(user.tenantId, id);
  if (stored === null || !canRead(user.viewer, stored, user.settings)) return results([]);
  const nextTask = await nextTaskOf(deps.data, user.tenantId, stored.id);
  return results(await summaryAttachments(deps, user, [{ opportunity: stored, nextTask }]));
};

/**
 * `composeExtension/anonymousQueryLink`: Teams asks before the app is installed, on behalf of
 * nobody it names, so the card shows that the link is Dealflow's and nothing of the record.
 */
export const unfurlAnonymousLink = (
  deps: ExtensionDeps,
  words: { t: Translate; reader: Reader },
  value: InvokeValue,
): ExtensionAnswer =>
  value.url !== null && linkedOpportunityId(value.url, deps.links) !== null
    ? results([privateLinkAttachment(words, value.url)])
    : results([]);
