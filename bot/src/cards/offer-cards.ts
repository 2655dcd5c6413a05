import type { Offer, Opportunity, RoutingCriteria, RoutingTarget } from "@dealflow/core";
import {
  formatDateTime,
  formatMoney,
  formatRating,
  formatTimeLeft,
  type Reader,
} from "../i18n/format.js";
import type { Translate } from "../i18n/translate.js";
import {
  type AdaptiveCard,
  adaptiveCard,
  type CardElement,
  execute,
  facts,
  heading,
  openUrl,
  text,
} from "./adaptive-card.js";
import { type LinkConfig, opportunityLink } from "./deep-link.js";
import type { Shown } from "./shown.js";

type Words = { t: Translate; reader: Reader };

/** What an offer card shows of its opportunity: never the client (the card goes to a target). */
export type OfferedOpportunity = Shown<Pick<Opportunity, "id" | "title" | "campaign" | "value">>;

export type OfferCardInput = {
  offer: Offer;
  opportunity: OfferedOpportunity;
  targetName: string | null;
  sourceLabel: string;
  /** Who accepted or declined (a manager may answer for the target). */
  answeredByName: string | null;
  now: Date;
};

const CRITERIA_ORDER = ["service", "country", "language", "type", "level", "name"] as const;

/** "service web-design, language es, level gold or higher"; "anything" when nothing was asked. */
export const describeCriteria = (criteria: RoutingCriteria, t: Translate): string => {
  const parts = CRITERIA_ORDER.flatMap((field) => {
    const value = criteria[field];
    if (value === undefined || value === "") return [];
    const shown =
      field === "type"
        ? t(`targetType.${criteria.type ?? "agency"}`)
        : field === "level"
          ? t(`level.${criteria.level ?? "none"}`)
          : value;
    return [t(`criteria.${field}`, { value: shown })];
  });
  return parts.length === 0 ? t("offer.anything") : parts.join(", ");
};

const closedLine = (input: OfferCardInput, t: Translate): CardElement[] => {
  const who = input.answeredByName ?? t("someone");
  switch (input.offer.status) {
    case "pending":
      return [];
    case "accepted":
      return [text(t("offer.accepted", { who }), { color: "Good", weight: "Bolder" })];
    case "declined":
      return [text(t("offer.declined", { who }), { weight: "Bolder" })];
    case "expired":
      return [text(t("offer.expired"), { color: "Attention", weight: "Bolder" })];
    case "withdrawn":
      return [text(t("offer.withdrawn"), { color: "Attention", weight: "Bolder" })];
  }
};

/**
 * SPEC §4.5: the offer to a target's user, with Accept / Decline while it is pending; once it
 * closes (answered, expired, withdrawn) the same card shows why and keeps only Open. The time
 * left is computed when rendered; `refresh` re-renders it whenever the user looks at it.
 */
export const offerCard = (input: OfferCardInput, words: Words, links: LinkConfig): AdaptiveCard => {
  const { offer, opportunity } = input;
  const { t, reader } = words;
  const title = t("offer.title", { title: opportunity.title });
  const data = { card: "offer" as const, offerId: offer.id };
  const pending = offer.status === "pending";
  const rows: [string, string][] = [
    [t("newOpp.source"), input.sourceLabel],
    [t("offer.campaign"), opportunity.campaign ?? "–"],
    [t("opp.value"), formatMoney(opportunity.value ? [opportunity.value] : [], reader.locale)],
    [t("offer.criteria"), describeCriteria(offer.criteria, t)],
    ...(pending
      ? ([
          [
            t("offer.answerBy"),
            t("offer.answerByValue", {
              when: formatDateTime(offer.expiresAt, reader),
              left: formatTimeLeft(offer.expiresAt, input.now, reader),
            }),
          ],
        ] as [string, string][])
      : []),
  ];
  const open = openUrl(t("action.open"), opportunityLink(opportunity.id, links));
  return adaptiveCard({
    body: [
      heading(title),
      text(t("offer.intro", { target: input.targetName ?? t("someone") })),
      facts(rows),
      ...closedLine(input, t),
    ],
    actions: pending
      ? [
          execute(t("action.accept"), { ...data, verb: "offer.accept" }, "positive"),
          execute(t("action.decline"), { ...data, verb: "offer.decline" }),
          open,
        ]
      : [open],
    fallbackText: title,
    refresh: { data: { ...data, verb: "refresh" }, userIds: [offer.userId] },
  });
};

export type TargetChoice = Pick<
  RoutingTarget,
  "id" | "name" | "type" | "level" | "rating" | "reviewCount"
>;

export type ChooseTargetInput = {
  opportunity: Shown<Pick<Opportunity, "id" | "title" | "status">>;
  /** The next-ranked targets, best first, as proposed when the round ended. */
  proposed: readonly TargetChoice[];
  /** Targets holding a pending offer now: a manager already routed it again. */
  pendingNames: readonly string[];
  acceptedName: string | null;
  /** The managers, who see the card re-rendered from the stored state. */
  refreshFor: readonly string[];
};

/**
 * SPEC §4.5 "choose another target", to every manager and the pipeline's channels: the
 * next-ranked targets, each with Route to (managers only; the bot refuses anyone else). Once
 * routed again, accepted or closed, the card says so and offers only Open.
 */
export const chooseTargetCard = (
  input: ChooseTargetInput,
  { t, reader }: Words,
  links: LinkConfig,
): AdaptiveCard => {
  const { opportunity } = input;
  const title = t("choose.title", { title: opportunity.title });
  const targets = input.proposed.map((target) => target.id).join(",");
  const data = { card: "choose-target" as const, opportunityId: opportunity.id, targets };
  const settled: CardElement[] =
    opportunity.status !== "open"
      ? [text(t("choose.closed"), { weight: "Bolder" })]
      : input.acceptedName !== null
        ? [text(t("choose.accepted", { name: input.acceptedName }), { color: "Good" })]
        : input.pendingNames.length > 0
          ? [text(t("choose.routed", { names: input.pendingNames.join(", ") }), { color: "Good" })]
          : [];
  const choosing = settled.length === 0;
  const choices = input.proposed.map(
    (target): CardElement => ({
      type: "Container",
      separator: true,
      items: [
        text(
          t("choose.target", {
            name: target.name,
            type: t(`targetType.${target.type}`),
            level: t(`level.${target.level}`),
            rating: formatRating(target.rating, reader.locale),
            count: target.reviewCount,
          }),
        ),
        ...(choosing
          ? [
              {
                type: "ActionSet",
                actions: [
                  execute(t("action.routeTo", { name: target.name }), {
                    ...data,
                    verb: "routing.route",
                    targetId: target.id,
                  }),
                ],
              },
            ]
          : []),
      ],
    }),
  );
  return adaptiveCard({
    body: [
      heading(title),
      text(input.proposed.length === 0 ? t("choose.none") : t("choose.body")),
      ...choices,
      ...settled,
    ],
    actions: [openUrl(t("action.open"), opportunityLink(opportunity.id, links))],
    fallbackText: title,
    refresh: { data: { ...data, verb: "refresh" }, userIds: [...input.refreshFor] },
  });
};
