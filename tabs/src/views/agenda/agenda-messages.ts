import { defineMessages } from "../../i18n/messages.js";

/** The Agenda's own strings (its first ones are in the base catalog). */
export const agendaMessages = defineMessages({
  en: {
    "agenda.clear": "Your agenda is clear.",
    "agenda.clearHint":
      "Tasks arrive as you work your leads: a second contact, a proposal to send, a follow-up after a call.",
    "agenda.completed": "Completed: {title}",
    "agenda.more": "Show more tasks",
    "complete.note": "What happened (optional)",
    "complete.noteHint": "Kept as a note on the opportunity",
    "complete.ownNext": "Set my own next task instead of the usual follow-up",
    "complete.nextKind": "Next task",
    "complete.nextTitle": "Next task's title",
    "complete.nextDue": "Next task due",
    "agenda.openOpportunity": "Open {title}",
  },
  es: {
    "agenda.clear": "Tu agenda está despejada.",
    "agenda.clearHint":
      "Las tareas llegan al trabajar tus contactos: un segundo contacto, una propuesta que enviar, un seguimiento tras una llamada.",
    "agenda.completed": "Completada: {title}",
    "agenda.more": "Mostrar más tareas",
    "complete.note": "Qué pasó (opcional)",
    "complete.noteHint": "Se guarda como nota en la oportunidad",
    "complete.ownNext": "Fijar mi propia siguiente tarea en lugar del seguimiento habitual",
    "complete.nextKind": "Siguiente tarea",
    "complete.nextTitle": "Título de la siguiente tarea",
    "complete.nextDue": "Vencimiento de la siguiente tarea",
    "agenda.openOpportunity": "Abrir {title}",
  },
});
