import { canRead, isDomainError, isManager } from "@dealflow/core";
import type { AdaptiveCard } from "../cards/adaptive-card.js";
import { noticeCard } from "../cards/command-cards.js";
import { chooseTargetInput, offerCardInput } from "../cards/offer-card-data.js";
import { chooseTargetCard, offerCard } from "../cards/offer-cards.js";
import type { BotUser } from "../commands/bot-user.js";
import { errorText } from "../commands/handle-command.js";
import type { MessageKey } from "../i18n/translate.js";
import { readAll } from "../ports/bot-data.js";
import type { ActionDeps, CardAction } from "./handle-action.js";

/** The routing cards: an offer (Accept / Decline) and the managers' "choose another target". */
export const isRoutingAction = (action: CardAction): boolean =>
  action.card === "offer" || action.card === "choose-target";

/**
 * Why a routing action was refused, in the user's words. A late Accept is told apart from an
 * offer that cannot take an answer; an offer or opportunity not addressed to the user reads
 * exactly like one that does not exist (SPEC §7).
 */
const refusalText = (error: unknown, action: CardAction, user: BotUser): string => {
  if (!isDomainError(error)) return errorText(error, user.t);
  const offerVerb = action.verb === "offer.accept" || action.verb === "offer.decline";
  const byCode: Partial<Record<string, MessageKey>> = offerVerb
    ? { conflict: "offer.refusedTaken", "invalid-state": "offer.refusedClosed" }
    : { forbidden: "choose.managersOnly" };
  const key = byCode[error.code];
  return key === undefined ? errorText(error, user.t) : user.t(key);
};

const offerCardNow = async (deps: ActionDeps, user: BotUser, offerId: string, now: Date) => {
  const offer = await deps.data.getOffer(user.tenantId, offerId);
  if (offer === null || (offer.userId !== user.userId && !user.manager)) {
    return noticeCard(user.t("error.notFound"));
  }
  const input = await offerCardInput(deps.data, user.settings, offer, now);
  if (input === null) return noticeCard(user.t("error.notFound"));
  return offerCard(input, user, deps.links);
};

const chooseCardNow = async (deps: ActionDeps, user: BotUser, action: CardAction) => {
  const opportunity = await deps.data.getOpportunity(
    user.tenantId,
    action.fields.opportunityId ?? "",
  );
  if (opportunity === null || !user.manager || !canRead(user.viewer, opportunity, user.settings)) {
    return noticeCard(user.t("error.notFound"));
  }
  const [offers, users] = await Promise.all([
    deps.data.listOffersOfOpportunity(user.tenantId, opportunity.id),
    readAll((page) => deps.data.listUsers(user.tenantId, page)),
  ]);
  const managerIds = users
    .filter((candidate) => candidate.active)
    .filter((candidate) =>
      isManager(
        {
          tenantId: candidate.tenantId,
          userId: candidate.id,
          role: candidate.role,
          teamIds: candidate.teamIds,
        },
        user.settings,
      ),
    )
    .map((candidate) => candidate.id);
  const proposedTargetIds = (action.fields.targets ?? "").split(",").filter(Boolean);
  const input = await chooseTargetInput(deps.data, {
    opportunity,
    proposedTargetIds,
    offers,
    managerIds,
  });
  return chooseTargetCard(input, user, deps.links);
};

/** Runs the verb through the API's own services; false when there was nothing to run. */
const runVerb = async (deps: ActionDeps, user: BotUser, action: CardAction): Promise<boolean> => {
  const { fields } = action;
  switch (action.verb) {
    case "offer.accept":
    case "offer.decline":
      await deps.data.answerOffer(
        user.viewer,
        fields.offerId ?? "",
        action.verb === "offer.accept" ? "accept" : "decline",
      );
      return true;
    case "routing.route":
      await deps.data.routeTo(user.viewer, fields.opportunityId ?? "", fields.targetId ?? "");
      return true;
    default:
      return false;
  }
};

/**
 * Accept, Decline and Route to, then the card rebuilt from the stored state (the acted-on
 * message is updated for everyone). Route to is the managers': anyone else is refused before
 * anything is read or written. A refusal answers a notice in the user's language.
 */
export const handleRoutingAction = async (
  action: CardAction,
  user: BotUser,
  deps: ActionDeps,
  now: Date,
): Promise<{ card: AdaptiveCard; changed: boolean }> => {
  if (action.verb === "routing.route" && !user.manager) {
    return { card: noticeCard(user.t("choose.managersOnly")), changed: false };
  }
  let changed = false;
  try {
    changed = await runVerb(deps, user, action);
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { card: noticeCard(refusalText(error, action, user)), changed: false };
  }
  const card =
    action.card === "offer"
      ? await offerCardNow(deps, user, action.fields.offerId ?? "", now)
      : await chooseCardNow(deps, user, action);
  return { card, changed };
};
