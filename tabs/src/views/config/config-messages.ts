import { defineMessages } from "../../i18n/messages.js";

/** The configuration page in a group chat (the channel's strings are in pipeline-messages.ts). */
export const configMessages = defineMessages({
  en: {
    "config.chat.title": "Show a pipeline in this chat",
    "config.chat.intro":
      "The tab shows the pipeline's board to this chat. Everyone sees only the opportunities Dealflow lets them see; no channel is linked.",
    "config.chat.saveFailed": "The tab could not be saved: {reason}",
    "config.noPlace":
      "Add this tab to a team channel or a group chat. In meetings use the personal app.",
  },
  es: {
    "config.chat.title": "Mostrar un embudo en este chat",
    "config.chat.intro":
      "La pestaña muestra el tablero del embudo en este chat. Cada persona ve solo las oportunidades que Dealflow le deja ver; no se vincula ningún canal.",
    "config.chat.saveFailed": "No se pudo guardar la pestaña: {reason}",
    "config.noPlace":
      "Añade esta pestaña a un canal de un equipo o a un chat de grupo. En las reuniones usa la aplicación personal.",
  },
});
