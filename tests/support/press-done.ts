import type { BotTestbed } from "./bot-testbed.js";

/**
 * A reminder card's Done pressed in Teams: the adaptiveCard/action invoke with the form's
 * fields, sent from the person's Teams language (`locale`) and client (`entities`).
 */
export const pressDone = (
  bot: BotTestbed,
  userId: string,
  taskId: string,
  fields: Record<string, string>,
  from: { locale?: string; entities?: object[] } = {},
) =>
  bot.post(userId, {
    type: "invoke",
    name: "adaptiveCard/action",
    value: {
      action: {
        type: "Action.Execute",
        verb: "task.done",
        data: { verb: "task.done", card: "task-reminder", taskId, when: "due", ...fields },
      },
      trigger: "manual",
    },
    ...from,
  });
