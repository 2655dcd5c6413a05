import { defineMessages } from "../../i18n/messages.js";

/** The opportunity lists' strings: the queues, My opportunities, Following, the pipeline list. */
export const opportunitiesMessages = defineMessages({
  en: {
    "list.column.reach": "Email · Phone",
    "list.column.origin": "Source · Campaign",
    "list.column.nextTask": "Next task",
    "list.column.updated": "Updated",
    "list.column.value": "Value",
    "list.noTask": "No open task",
    "list.due": "Due {time}",
    "list.overdue": "Overdue · {time}",
    "list.waiting": "Waiting {elapsed}",
    "list.updatedAgo": "{elapsed} ago",
    "list.noValue": "—",
    "list.empty.first-contact": "No one is waiting for a first contact.",
    "list.emptyHint.first-contact":
      "New leads from your web forms, marketplaces and routing land here. Add one yourself with New opportunity.",
    "list.empty.second-contact": "No second contact is due.",
    "list.emptyHint.second-contact":
      "Leads you could not reach come back here. Choose Second contact on a first-contact lead to plan one.",
    "list.empty.mine": "You own no open opportunities.",
    "list.emptyHint.mine":
      "Record a first contact on a lead in First contact, or add one with New opportunity.",
    "list.empty.following": "You follow no opportunities.",
    "list.emptyHint.following":
      "Open an opportunity and choose Follow: its changes then show up here and in Teams.",
    "list.goFirstContact": "Go to First contact",
    "list.done": "{name}: {action}.",
  },
  es: {
    "list.column.reach": "Correo · Teléfono",
    "list.column.origin": "Origen · Campaña",
    "list.column.nextTask": "Próxima tarea",
    "list.column.updated": "Actualizada",
    "list.column.value": "Valor",
    "list.noTask": "Sin tareas abiertas",
    "list.due": "Vence {time}",
    "list.overdue": "Vencida · {time}",
    "list.waiting": "Esperando {elapsed}",
    "list.updatedAgo": "hace {elapsed}",
    "list.noValue": "—",
    "list.empty.first-contact": "Nadie espera un primer contacto.",
    "list.emptyHint.first-contact":
      "Aquí llegan los contactos de tus formularios, marketplaces y enrutamiento. Añade uno tú con Nueva oportunidad.",
    "list.empty.second-contact": "No hay ningún segundo contacto pendiente.",
    "list.emptyHint.second-contact":
      "Los contactos que no lograste localizar vuelven aquí. Elige Segundo contacto en un contacto de Primer contacto para planificarlo.",
    "list.empty.mine": "No tienes oportunidades abiertas.",
    "list.emptyHint.mine":
      "Registra un primer contacto en Primer contacto o añade una con Nueva oportunidad.",
    "list.empty.following": "No sigues ninguna oportunidad.",
    "list.emptyHint.following":
      "Abre una oportunidad y elige Seguir: sus cambios aparecerán aquí y en Teams.",
    "list.goFirstContact": "Ir a Primer contacto",
    "list.done": "{name}: {action}.",
  },
});
