import {
  type DomainError,
  LOCALE_TAGS,
  MAX_TASK_TITLE_LENGTH,
  type Opportunity,
  TASK_OUTCOMES,
  type Task,
} from "@dealflow/core";
import { formatDateTime } from "../i18n/format.js";
import type { MessageKey } from "../i18n/translate.js";
import {
  type AdaptiveCard,
  adaptiveCard,
  type CardElement,
  execute,
  facts,
  heading,
  openUrl,
  showCard,
  text,
} from "./adaptive-card.js";
import { type LinkConfig, opportunityLink } from "./deep-link.js";
import { contactLine, type Words } from "./notification-cards.js";
import type { Shown } from "./shown.js";

/** The Done form's inputs for the person's own next task (Input.Text, Input.Date, Input.Time). */
export const OWN_NEXT_FIELDS = { title: "nextTitle", date: "nextDate", time: "nextTime" } as const;

/** The Done form's "(leave blank)" choice: completes the task without an outcome. */
export const NO_OUTCOME = "none";

export type ReminderInput = {
  task: Shown<Task>;
  opportunity: Shown<Opportunity> | null;
  /** "snoozed": the card after its Snooze, which shows the new due time. */
  when: "due-soon" | "due" | "snoozed";
  doneByName: string | null;
  /** The task Done just created (the person's own next task or the default follow-up). */
  next?: Shown<Task> | null;
  /** Why the Done form was refused, naming its fields; the form stays to be mended. */
  problem?: string | null;
};

// The Done form's fields a refusal can name, by the completion's error paths.
const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  note: "action.note",
  "nextTask.title": "action.nextTitle",
  "nextTask.date": "action.nextDate",
  "nextTask.dueAt": "action.nextDate",
  "nextTask.time": "action.nextTime",
};

/** A refused Done form in the person's words, naming its fields; null when no field is at fault. */
export const doneFormProblem = (error: DomainError, { t, reader }: Words): string | null => {
  if (error.code !== "validation") return null;
  const labels = [
    ...new Set(
      error.errors.flatMap(({ path }) => {
        const key = FIELD_LABELS[path];
        return key ? [t("field.quoted", { label: t(key) })] : [];
      }),
    ),
  ];
  if (labels.length === 0) return null;
  const fields = new Intl.ListFormat(LOCALE_TAGS[reader.locale], { type: "conjunction" });
  return t("error.checkFields", { fields: fields.format(labels) });
};

/** The Done form: "how did it go?", what happened, and the person's own next task. */
const doneForm = (withNote: boolean, { t, reader }: Words): CardElement[] => [
  {
    type: "Input.ChoiceSet",
    id: "outcome",
    label: t("action.howDidItGo"),
    style: "expanded",
    // adaptivecards refuses an empty choice value: "none" stands for no outcome.
    value: NO_OUTCOME,
    choices: [
      { title: t("outcome.none"), value: NO_OUTCOME },
      ...TASK_OUTCOMES.map((outcome) => ({ title: t(`outcome.${outcome}`), value: outcome })),
    ],
  },
  // The agenda article's flow: what happened is noted as the task is done, and the person may
  // set their own next task instead of the outcome's default follow-up.
  ...(withNote
    ? [
        {
          type: "Input.Text",
          id: "note",
          label: t("action.note"),
          isMultiline: true,
          maxLength: 2000,
        },
      ]
    : []),
  // "America/Mexico_City" reads as "America/Mexico City" (and markdown leaves it alone).
  text(t("action.ownNext", { zone: reader.timeZone.replaceAll("_", " ") }), {
    isSubtle: true,
    spacing: "Medium",
  }),
  {
    type: "Input.Text",
    id: OWN_NEXT_FIELDS.title,
    label: t("action.nextTitle"),
    maxLength: MAX_TASK_TITLE_LENGTH,
  },
  { type: "Input.Date", id: OWN_NEXT_FIELDS.date, label: t("action.nextDate") },
  { type: "Input.Time", id: OWN_NEXT_FIELDS.time, label: t("action.nextTime") },
];

/** SPEC §4.6 task reminder: Done runs §4.3's "how did it go?" inside the card. */
export const taskReminderCard = (
  input: ReminderInput,
  { t, reader }: Words,
  links: LinkConfig,
): AdaptiveCard => {
  const { task, opportunity } = input;
  const data = { card: "task-reminder" as const, taskId: task.id, when: input.when };
  const title = t("reminder.title", { task: task.title });
  const due = formatDateTime(task.dueAt, reader);
  const open = opportunity
    ? [openUrl(t("action.open"), opportunityLink(opportunity.id, links))]
    : [];
  const about: CardElement = facts([
    ...(opportunity
      ? ([
          [t("opp.opportunity"), opportunity.title],
          [t("opp.contact"), contactLine(opportunity)],
        ] as [string, string][])
      : []),
  ]);
  const status: CardElement[] =
    task.status === "open"
      ? [
          text(
            input.when === "due"
              ? t("reminder.due", { when: due })
              : input.when === "snoozed"
                ? t("reminder.snoozedTo", { when: due })
                : t("reminder.dueSoon", { when: due }),
          ),
        ]
      : task.status === "done"
        ? [
            text(
              // Done without an outcome says only who: "(leave blank)" was the form's choice.
              task.outcome
                ? t("reminder.doneBy", {
                    who: input.doneByName ?? t("someone"),
                    outcome: t(`outcome.${task.outcome}`),
                  })
                : t("reminder.doneByPlain", { who: input.doneByName ?? t("someone") }),
              { color: "Good" },
            ),
            ...(input.next
              ? [
                  text(
                    t("reminder.next", {
                      task: input.next.title,
                      when: formatDateTime(input.next.dueAt, reader),
                    }),
                  ),
                ]
              : []),
          ]
        : task.status === "cancelled"
          ? [text(t("reminder.cancelled"))]
          : [text(t("reminder.closed", { status: task.status }))];
  const actions =
    task.status !== "open"
      ? open
      : [
          showCard(t("action.done"), doneForm(opportunity !== null, { t, reader }), [
            execute(t("action.complete"), { ...data, verb: "task.done" }, "positive"),
          ]),
          showCard(
            t("action.snooze"),
            [text(t("action.snooze"))],
            [
              execute(t("action.snooze1h"), { ...data, verb: "task.snooze", until: "1h" }),
              execute(t("action.snoozeTomorrow"), {
                ...data,
                verb: "task.snooze",
                until: "tomorrow",
              }),
              execute(t("action.snoozeWeek"), { ...data, verb: "task.snooze", until: "1w" }),
            ],
          ),
          ...open,
        ];
  return adaptiveCard({
    body: [
      heading(title),
      ...(input.problem ? [text(input.problem, { color: "Attention", weight: "Bolder" })] : []),
      ...(opportunity ? [about] : []),
      ...status,
    ],
    actions,
    fallbackText: title,
    refresh: { data: { ...data, verb: "refresh" }, userIds: [task.ownerId] },
  });
};
