import type { Money, Opportunity, Task } from "@dealflow/core";
import { formatDateTime, formatMoney, type Reader } from "../i18n/format.js";
import type { Translate } from "../i18n/translate.js";
import {
  type AdaptiveCard,
  adaptiveCard,
  type CardElement,
  facts,
  heading,
  md,
  openUrl,
  ownMarkdown,
  text,
} from "./adaptive-card.js";
import { type LinkConfig, opportunityLink } from "./deep-link.js";
import type { Shown } from "./shown.js";

type Words = { t: Translate; reader: Reader };

export const helpCard = ({ t }: Words, unknownText: string | null = null): AdaptiveCard =>
  adaptiveCard({
    body: [
      heading(t("help.title")),
      ...(unknownText ? [text(t("help.unknown", { text: unknownText }), { isSubtle: true })] : []),
      text(t("help.intro")),
      // The catalog's own markdown: the commands as code spans, one list item each.
      text(
        ownMarkdown(
          [
            t("help.status"),
            t("help.statusOne"),
            t("help.overdue"),
            t("help.myTasks"),
            t("help.follow"),
            t("help.link"),
          ]
            .map((line) => `- ${line}`)
            .join("\n"),
        ),
      ),
      // The message extension's entry points (issue 21): no code spans, they are not commands.
      text(t("help.elsewhere")),
      text(
        [t("help.search"), t("help.createFromMessage"), t("help.unfurl")]
          .map((line) => `- ${line}`)
          .join("\n"),
      ),
    ],
    fallbackText: t("help.title"),
  });

/** A one-message answer ("You now follow …"). */
export const noticeCard = (message: string, extra: CardElement[] = []): AdaptiveCard =>
  adaptiveCard({ body: [text(message), ...extra], fallbackText: message });

export type StageSummary = { name: string; count: number; values: Money[] };

export type StatusSummary = {
  pipelineName: string | null;
  stages: StageSummary[];
  overdueTasks: number;
  firstContactBreaches: number;
  oldestWaiting: { name: string; receivedAt: string } | null;
  /** Shown to managers only; null for sellers. */
  deadLetters: number | null;
  /** Deadlines given up on; managers only, null for sellers. */
  failedDeadlines: number | null;
};

export const statusCard = (summary: StatusSummary, { t, reader }: Words): AdaptiveCard => {
  const title = summary.pipelineName
    ? t("status.pipelineTitle", { pipeline: summary.pipelineName })
    : t("status.title");
  const stageRows: CardElement[] = summary.stages.map((stage) => ({
    type: "ColumnSet",
    columns: [
      { type: "Column", width: "stretch", items: [text(stage.name)] },
      { type: "Column", width: "auto", items: [text(String(stage.count))] },
      { type: "Column", width: "auto", items: [text(formatMoney(stage.values, reader.locale))] },
    ],
  }));
  const oldest = summary.oldestWaiting
    ? t("status.oldestValue", {
        name: summary.oldestWaiting.name,
        since: formatDateTime(summary.oldestWaiting.receivedAt, reader),
      })
    : t("status.none");
  return adaptiveCard({
    body: [
      heading(title),
      {
        type: "ColumnSet",
        columns: [
          {
            type: "Column",
            width: "stretch",
            items: [text(t("status.stage"), { weight: "Bolder" })],
          },
          { type: "Column", width: "auto", items: [text(t("status.count"), { weight: "Bolder" })] },
          { type: "Column", width: "auto", items: [text(t("status.value"), { weight: "Bolder" })] },
        ],
      },
      ...stageRows,
      facts([
        [t("status.overdue"), String(summary.overdueTasks)],
        [t("status.breaches"), String(summary.firstContactBreaches)],
        [t("status.oldest"), oldest],
        ...(summary.deadLetters === null
          ? []
          : ([[t("status.deadLetters"), String(summary.deadLetters)]] as [string, string][])),
        ...(summary.failedDeadlines === null
          ? []
          : ([[t("status.failedDeadlines"), String(summary.failedDeadlines)]] as [
              string,
              string,
            ][])),
      ]),
    ],
    fallbackText: title,
  });
};

export type OpportunityDetails = {
  opportunity: Shown<Opportunity>;
  stageName: string;
  ownerName: string | null;
  followerNames: string[];
  nextTask: Shown<Task> | null;
  lastActivity: string | null;
};

export const opportunityCard = (
  details: OpportunityDetails,
  words: Words,
  links: LinkConfig,
): AdaptiveCard => {
  const { t, reader } = words;
  const { opportunity } = details;
  const contact = [opportunity.contact.name, opportunity.contact.company]
    .filter(Boolean)
    .join(", ");
  return adaptiveCard({
    body: [
      heading(opportunity.title),
      facts([
        [t("opp.stage"), details.stageName],
        [t("opp.owner"), details.ownerName ?? t("opp.unassigned")],
        [t("opp.value"), formatMoney(opportunity.value ? [opportunity.value] : [], reader.locale)],
        [t("opp.contact"), contact],
        [
          t("opp.participants"),
          opportunity.participants.map((p) => p.name).join(", ") || t("opp.nobody"),
        ],
        [t("opp.followers"), details.followerNames.join(", ") || t("opp.nobody")],
        [
          t("opp.nextTask"),
          details.nextTask
            ? `${details.nextTask.title} (${formatDateTime(details.nextTask.dueAt, reader)})`
            : t("status.none"),
        ],
        [t("opp.lastActivity"), details.lastActivity ?? t("status.none")],
      ]),
    ],
    actions: [openUrl(t("action.open"), opportunityLink(opportunity.id, links))],
    fallbackText: opportunity.title,
  });
};

export type TaskLine = { task: Shown<Task>; opportunity: Shown<Opportunity> | null };

const taskLineText = ({ task, opportunity }: TaskLine, { t, reader }: Words): CardElement =>
  text(
    md`**${task.title}**${opportunity ? md` · ${opportunity.title}` : ""} · ${t("tasks.due", {
      when: formatDateTime(task.dueAt, reader),
    })}`,
  );

export const taskListCard = (
  title: string,
  lines: readonly TaskLine[],
  words: Words,
): AdaptiveCard =>
  adaptiveCard({
    body: [
      heading(title),
      ...(lines.length === 0
        ? [text(words.t("tasks.none"))]
        : lines.map((line) => taskLineText(line, words))),
    ],
    fallbackText: title,
  });

/** One owner's part of a manager's `overdue`: how many, and the most urgent of them. */
export type OwnerOverdue = { ownerName: string; count: number; lines: TaskLine[] };

/**
 * A manager's `overdue` (SPEC §4.6): the team's overdue tasks grouped by owner, the owner
 * with the most urgent task first, each with their count and their oldest few.
 */
export const teamOverdueCard = (
  title: string,
  total: number,
  groups: readonly OwnerOverdue[],
  words: Words,
): AdaptiveCard => {
  const { t } = words;
  return adaptiveCard({
    body: [
      heading(title),
      ...(total === 0
        ? [text(t("tasks.teamNone"))]
        : [
            text(t("tasks.teamTotal", { count: total }), { isSubtle: true }),
            ...groups.flatMap((group) => [
              text(t("tasks.ownerCount", { name: group.ownerName, count: group.count }), {
                weight: "Bolder",
                spacing: "Medium",
                separator: true,
              }),
              ...group.lines.map((line) => taskLineText(line, words)),
              ...(group.count > group.lines.length
                ? [
                    text(t("tasks.more", { count: group.count - group.lines.length }), {
                      isSubtle: true,
                    }),
                  ]
                : []),
            ]),
          ]),
    ],
    fallbackText: `${title}: ${total}`,
  });
};
