import type { Locale } from "../user/user.types.js";
import type { TaskKind } from "./task.types.js";

// Stored with the task (cards and exports show it as is), so written in the tenant's locale.
const KIND_TITLES: Record<Locale, Record<TaskKind, string>> = {
  en: {
    "first-contact": "First contact",
    "second-contact": "Second contact",
    "send-proposal": "Send proposal",
    "follow-up": "Follow up",
    call: "Call",
    email: "Email",
    meeting: "Meeting",
    other: "Task",
  },
  es: {
    "first-contact": "Primer contacto",
    "second-contact": "Segundo contacto",
    "send-proposal": "Enviar propuesta",
    "follow-up": "Seguimiento",
    call: "Llamar",
    email: "Enviar correo",
    meeting: "Reunión",
    other: "Tarea",
  },
};

export const defaultTaskTitle = (kind: TaskKind, contactName: string | null, locale: Locale) => {
  const title = KIND_TITLES[locale][kind];
  return contactName === null ? title : `${title}: ${contactName}`;
};
