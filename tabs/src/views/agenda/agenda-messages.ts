import { defineMessages } from "../../i18n/messages.js";

/** The Agenda's own strings (its first ones are in the base catalog). */
export const agendaMessages = defineMessages({
  en: {
    "agenda.clear": "Your agenda is clear.",
    "agenda.clearHint":
      "Tasks arrive as you work your leads: a second contact, a proposal to send, a follow-up after a call.",
    "agenda.completed": "Completed: {title}",
    "agenda.more": "Show more tasks",
    "agenda.openOpportunity": "Open {title}",
  },
  es: {
    "agenda.clear": "Tu agenda está despejada.",
    "agenda.clearHint":
      "Las tareas llegan al trabajar tus contactos: un segundo contacto, una propuesta que enviar, un seguimiento tras una llamada.",
    "agenda.completed": "Completada: {title}",
    "agenda.more": "Mostrar más tareas",
    "agenda.openOpportunity": "Abrir {title}",
  },
});
