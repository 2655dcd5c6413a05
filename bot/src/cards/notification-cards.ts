import type { Opportunity, Task } from "@dealflow/core";
import { formatDate, formatDateTime, formatMoney, type Reader } from "../i18n/format.js";
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
import type { TaskLine } from "./command-cards.js";
import { taskListCard } from "./command-cards.js";
import { type LinkConfig, opportunityLink } from "./deep-link.js";
import type { Shown } from "./shown.js";

export type Words = { t: Translate; reader: Reader };

export const contactLine = (opportunity: Opportunity) =>
  [opportunity.contact.name, opportunity.contact.company].filter(Boolean).join(", ");

export type UpdateLine = { who: string; what: string; at: string };

/** SPEC §4.6: what changed, by whom, when; merged lines of one opportunity in one card. */
export const followerUpdateCard = (
  input: {
    opportunity: Shown<Opportunity>;
    lines: readonly UpdateLine[];
    state: "following" | "muted" | "unfollowed";
  },
  { t, reader }: Words,
  links: LinkConfig,
): AdaptiveCard => {
  const { opportunity } = input;
  const data = { card: "follower-update" as const, opportunityId: opportunity.id };
  const open = openUrl(t("action.open"), opportunityLink(opportunity.id, links));
  const title = t("update.title", { title: opportunity.title });
  const lines = input.lines.map((line) =>
    text(
      t("update.line", { who: line.who, what: line.what, when: formatDateTime(line.at, reader) }),
    ),
  );
  const state: CardElement[] =
    input.state === "muted"
      ? [text(t("update.muted"), { isSubtle: true })]
      : input.state === "unfollowed"
        ? [text(t("update.unfollowed"), { isSubtle: true })]
        : [];
  const actions =
    input.state === "following"
      ? [
          open,
          execute(t("action.unfollow"), { ...data, verb: "opportunity.unfollow" }),
          execute(t("action.mute"), { ...data, verb: "opportunity.mute" }),
        ]
      : input.state === "muted"
        ? [open, execute(t("action.unmute"), { ...data, verb: "opportunity.unmute" })]
        : [open];
  return adaptiveCard({ body: [heading(title), ...lines, ...state], actions, fallbackText: title });
};

/** A channel post for a new opportunity; Claim while it has no owner. */
export const newOpportunityCard = (
  input: { opportunity: Shown<Opportunity>; ownerName: string | null; sourceLabel: string },
  { t }: Words,
  links: LinkConfig,
): AdaptiveCard => {
  const { opportunity } = input;
  const title = t("newOpp.title", { title: opportunity.title });
  const data = { card: "new-opportunity" as const, opportunityId: opportunity.id };
  return adaptiveCard({
    body: [
      heading(title),
      facts([
        [t("opp.contact"), contactLine(opportunity)],
        [t("newOpp.source"), input.sourceLabel],
        [t("opp.owner"), input.ownerName ?? t("opp.unassigned")],
      ]),
      ...(opportunity.ownerId !== null && input.ownerName
        ? [text(t("newOpp.claimedBy", { who: input.ownerName }), { color: "Good" })]
        : []),
    ],
    actions: [
      ...(opportunity.ownerId === null && opportunity.status === "open"
        ? [execute(t("action.claim"), { ...data, verb: "opportunity.claim" }, "positive")]
        : []),
      openUrl(t("action.open"), opportunityLink(opportunity.id, links)),
    ],
    fallbackText: title,
  });
};

/** SPEC §4.6 "won/lost": the channel hears of a deal closed, its value, owner and (lost) why. */
export const dealClosedCard = (
  input: {
    opportunity: Shown<Opportunity>;
    outcome: "won" | "lost";
    ownerName: string | null;
    stageName: string;
    byName: string | null;
    reason: string | null;
  },
  { t, reader }: Words,
  links: LinkConfig,
): AdaptiveCard => {
  const { opportunity } = input;
  const title = t(input.outcome === "won" ? "closed.won" : "closed.lost", {
    title: opportunity.title,
  });
  return adaptiveCard({
    body: [
      heading(title),
      facts([
        [t("opp.contact"), contactLine(opportunity)],
        [
          t("closed.value"),
          opportunity.value ? formatMoney([opportunity.value], reader.locale) : t("closed.noValue"),
        ],
        [t("opp.owner"), input.ownerName ?? t("opp.unassigned")],
        ...(input.outcome === "lost"
          ? ([[t("closed.reason"), input.reason ?? t("closed.noReason")]] as [string, string][])
          : []),
      ]),
      ...(input.byName
        ? [text(t("closed.by", { who: input.byName, stage: input.stageName }), { isSubtle: true })]
        : []),
    ],
    actions: [openUrl(t("action.open"), opportunityLink(opportunity.id, links))],
    fallbackText: title,
  });
};

export type EscalationKind = "first-contact-reminder" | "first-contact-escalation" | "task-overdue";

/** SLA cards: first contact due (owner), first contact overdue and task overdue (managers). */
export const escalationCard = (
  input: {
    kind: EscalationKind;
    opportunity: Shown<Opportunity>;
    task: Shown<Task> | null;
    ownerName: string | null;
  },
  { t, reader }: Words,
  links: LinkConfig,
): AdaptiveCard => {
  const { opportunity, task } = input;
  const title =
    input.kind === "task-overdue" && task
      ? t("taskEscalation.title", { task: task.title })
      : input.kind === "first-contact-reminder"
        ? t("firstContact.title", { title: opportunity.title })
        : t("escalation.title", { title: opportunity.title });
  return adaptiveCard({
    body: [
      heading(title),
      text(t("escalation.body", { since: formatDateTime(opportunity.receivedAt, reader) })),
      facts([
        [t("opp.contact"), contactLine(opportunity)],
        [t("opp.owner"), input.ownerName ?? t("opp.unassigned")],
        ...(task
          ? ([[t("opp.nextTask"), `${task.title} (${formatDateTime(task.dueAt, reader)})`]] as [
              string,
              string,
            ][])
          : []),
      ]),
    ],
    actions: [openUrl(t("action.open"), opportunityLink(opportunity.id, links))],
    fallbackText: title,
  });
};

/** A lead of a manager's merged escalations card, redacted for them, with its owner's name. */
export type EscalatedLead = { opportunity: Shown<Opportunity>; ownerName: string | null };

/**
 * The first-contact escalations that reach one manager within the window, in one card (issue
 * 20: after a start, eleven cards in a row, one per lead, buried the chat): each lead with its
 * contact, owner, arrival and its own Open, oldest escalation first.
 */
export const escalationListCard = (
  leads: readonly EscalatedLead[],
  { t, reader }: Words,
  links: LinkConfig,
): AdaptiveCard => {
  const title = t("escalations.title", { count: leads.length });
  return adaptiveCard({
    body: [
      heading(title),
      text(t("escalations.body"), { isSubtle: true }),
      ...leads.map(
        ({ opportunity, ownerName }): CardElement => ({
          type: "Container",
          separator: true,
          spacing: "Medium",
          items: [
            text(opportunity.title, { weight: "Bolder" }),
            facts([
              [t("opp.contact"), contactLine(opportunity)],
              [t("opp.owner"), ownerName ?? t("opp.unassigned")],
              [t("escalations.received"), formatDateTime(opportunity.receivedAt, reader)],
            ]),
            {
              type: "ActionSet",
              actions: [openUrl(t("action.open"), opportunityLink(opportunity.id, links))],
            },
          ],
        }),
      ),
    ],
    fallbackText: title,
  });
};

export const ownerChangedCard = (
  input: { opportunity: Shown<Opportunity>; byName: string | null },
  { t }: Words,
  links: LinkConfig,
): AdaptiveCard => {
  const title = t("owner.title", { title: input.opportunity.title });
  return adaptiveCard({
    body: [
      heading(title),
      text(t("owner.body", { who: input.byName ?? t("system") })),
      facts([[t("opp.contact"), contactLine(input.opportunity)]]),
    ],
    actions: [openUrl(t("action.open"), opportunityLink(input.opportunity.id, links))],
    fallbackText: title,
  });
};

export const digestCard = (
  input: { date: string; overdue: readonly TaskLine[]; today: readonly TaskLine[] },
  words: Words,
): AdaptiveCard => {
  const overdue = taskListCard(words.t("digest.overdue"), input.overdue, words);
  const today = taskListCard(words.t("digest.today"), input.today, words);
  const title = words.t("digest.title", {
    date: formatDate(`${input.date}T12:00:00Z`, { ...words.reader, timeZone: "UTC" }),
  });
  return adaptiveCard({
    body: [heading(title), ...overdue.body, ...today.body],
    fallbackText: title,
  });
};
