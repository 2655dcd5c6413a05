import type { BotTestbed } from "./bot-testbed.js";

type From = { locale?: string; entities?: object[] };

/** The adaptiveCard/action invoke Teams sends for `verb` on the reminder card of `taskId`. */
export const reminderInvoke = (
  verb: "task.done" | "refresh",
  taskId: string,
  fields: Record<string, string>,
  trigger: "manual" | "automatic",
) => ({
  type: "invoke",
  name: "adaptiveCard/action",
  value: {
    action: {
      type: "Action.Execute",
      verb,
      data: { verb, card: "task-reminder", taskId, when: "due", ...fields },
    },
    trigger,
  },
});

/**
 * A reminder card's Done pressed in Teams: the adaptiveCard/action invoke with the form's
 * fields, sent from the person's Teams language (`locale`) and client (`entities`).
 */
export const pressDone = (
  bot: BotTestbed,
  userId: string,
  taskId: string,
  fields: Record<string, string>,
  from: From = {},
) => bot.post(userId, { ...reminderInvoke("task.done", taskId, fields, "manual"), ...from });

/** Teams re-rendering a reminder card for `userId` as they look at it: the refresh invoke. */
export const refreshReminder = (bot: BotTestbed, userId: string, taskId: string) =>
  bot.post(userId, reminderInvoke("refresh", taskId, {}, "automatic"));
