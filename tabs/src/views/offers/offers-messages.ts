import { defineMessages } from "../../i18n/messages.js";

/** Routing offers (SPEC §4.5): the Offers view and the detail's Routing section. */
export const offersMessages = defineMessages({
  en: {
    "offers.nav": "Offers",
    "offers.title": "Offers",
    "offers.intro":
      "Opportunities routed to you and waiting for your answer. Accepting makes you the owner; when several targets were asked, the first to accept takes it.",
    "offers.caption": {
      one: "Offers: {count} waiting for an answer",
      other: "Offers: {count} waiting for an answer, newest first",
    },
    "offers.empty": "No offer is waiting for your answer.",
    "offers.emptyHint":
      "When a lead is routed to you, its offer shows up here (and in a Teams card) until you accept or decline it.",
    "offers.emptyHint.all": "Pick another status, or Any status, to see the other offers.",
    "offers.truncated": {
      one: "Showing the newest offer.",
      other: "Showing the newest {count} offers.",
    },
    "offers.scope": "Show",
    "offers.scope.mine": "Mine",
    "offers.scope.all": "All",
    "offers.filter.status": "Status",
    "offers.filter.any": "Any status",
    "offers.intro.all":
      "Every offer sent to a target, whatever its answer. As a manager you may accept or decline a pending offer for its target: accepting makes the target's user the owner.",
    "offers.caption.all": "Offers: {count}, newest first",
    "offers.empty.all": "No offer matches this filter.",
    "offers.truncated.all":
      "Showing {count} offers, the first ones sent; pick a status to narrow the list.",
    "offers.acceptedFor":
      "You accepted the offer for {target}: {title} now belongs to the target's user.",
    "offers.declinedFor": "You declined the offer of {title} for {target}.",
    "offers.error.takenFor":
      "Another target accepted first: {title} is no longer offered to {target}. The list was reloaded.",
    "offers.error.goneFor":
      "The offer of {title} to {target} can no longer be answered. The list was reloaded.",
    "offers.decline.warningFor":
      "The opportunity will not be offered to {target} again. When no target is left, the managers are asked to choose another one.",
    "offers.column.opportunity": "Opportunity",
    "offers.column.target": "Target",
    "offers.column.mode": "Routing",
    "offers.column.status": "Status",
    "offers.column.sent": "Sent",
    "offers.column.expires": "Answer by",
    "offers.column.actions": "Actions",
    "offers.mode.automatic": "Automatic",
    "offers.mode.manual": "Manual",
    "offers.status.pending": "Pending",
    "offers.status.accepted": "Accepted",
    "offers.status.declined": "Declined",
    "offers.status.expired": "Expired",
    "offers.status.withdrawn": "Withdrawn",
    "offers.expiresIn": "Expires in {countdown} ({time})",
    "offers.expiryDue": "Expiring now ({time})",
    "offers.answeredAt": "{status} ({time})",
    "offers.untitled": "Untitled opportunity",
    "offers.unknownTarget": "Unknown target",
    "offers.open": "Open {title}",
    "offers.accept": "Accept",
    "offers.decline": "Decline",
    "offers.accepted": "You accepted the offer: {title} is now yours.",
    "offers.declined": "You declined the offer for {title}.",
    "offers.error.taken":
      "Another target accepted first: {title} is no longer offered to you. The list was reloaded.",
    "offers.error.closed":
      "The offer for {title} has expired or was already answered, so it can no longer be accepted. The list was reloaded.",
    "offers.error.gone":
      "The offer for {title} is no longer addressed to you. The list was reloaded.",
    "offers.decline.title": "Decline the offer for {title}?",
    "offers.decline.warning":
      "The opportunity will not be offered to you again. When no target is left, the managers are asked to choose another one.",
    "offers.routing.heading": "Routing",
    "offers.routing.intro":
      "Send the opportunity to the best-ranked matching targets, or to one target you pick.",
    "offers.routing.automatic": "Route automatically",
    "offers.routing.manual": "Route to…",
    "offers.routing.caption": "Offers of this opportunity",
    "offers.routing.none": "No offer has been sent for this opportunity.",
    "offers.routing.sent": "Offers sent: {count}.",
    "offers.routing.noneSent": "No matching target without an offer was found: nothing was sent.",
    "offers.routing.closed": "Closed opportunities are not routed.",
    "offers.routing.dialog.title": "Route {title} to one target",
    "offers.routing.dialog.target": "Target",
    "offers.routing.dialog.pick": "Pick a target",
    "offers.routing.dialog.noTargets":
      "No active target with a user to answer its offers. Managers add targets in Settings.",
    "offers.routing.target.option": "{name} ({type}, {level})",
    "offers.routing.type.agency": "agency",
    "offers.routing.type.freelancer": "freelancer",
    "offers.routing.type.internal": "internal",
    "offers.routing.level.none": "no level",
    "offers.routing.level.silver": "silver",
    "offers.routing.level.gold": "gold",
    "offers.routing.level.platinum": "platinum",
  },
  es: {
    "offers.nav": "Ofertas",
    "offers.title": "Ofertas",
    "offers.intro":
      "Oportunidades asignadas a ti que esperan tu respuesta. Al aceptar pasas a ser el responsable; si se preguntó a varios destinatarios, se la queda el primero que acepta.",
    "offers.caption": {
      one: "Ofertas: {count} espera respuesta",
      other: "Ofertas: {count} esperan respuesta, las más recientes primero",
    },
    "offers.empty": "Ninguna oferta espera tu respuesta.",
    "offers.emptyHint":
      "Cuando se te asigna un contacto, su oferta aparece aquí (y en una tarjeta de Teams) hasta que la aceptes o la rechaces.",
    "offers.emptyHint.all": "Elige otro estado, o Cualquier estado, para ver las demás ofertas.",
    "offers.truncated": {
      one: "Se muestra la oferta más reciente.",
      other: "Se muestran las {count} ofertas más recientes.",
    },
    "offers.scope": "Mostrar",
    "offers.scope.mine": "Mías",
    "offers.scope.all": "Todas",
    "offers.filter.status": "Estado",
    "offers.filter.any": "Cualquier estado",
    "offers.intro.all":
      "Todas las ofertas enviadas a un destinatario, con su respuesta. Como responsable de ventas puedes aceptar o rechazar una oferta pendiente en nombre de su destinatario: al aceptar, su usuario pasa a ser el responsable.",
    "offers.caption.all": "Ofertas: {count}, las más recientes primero",
    "offers.empty.all": "Ninguna oferta coincide con este filtro.",
    "offers.truncated.all":
      "Se muestran {count} ofertas, las primeras enviadas; elige un estado para acotar la lista.",
    "offers.acceptedFor": "Has aceptado la oferta para {target}: {title} pasa a su usuario.",
    "offers.declinedFor": "Has rechazado la oferta de {title} para {target}.",
    "offers.error.takenFor":
      "Otro destinatario aceptó antes: {title} ya no se ofrece a {target}. Se ha recargado la lista.",
    "offers.error.goneFor":
      "La oferta de {title} a {target} ya no se puede responder. Se ha recargado la lista.",
    "offers.decline.warningFor":
      "La oportunidad no se volverá a ofrecer a {target}. Si no queda ningún destinatario, se pedirá a los responsables de ventas que elijan otro.",
    "offers.column.opportunity": "Oportunidad",
    "offers.column.target": "Destinatario",
    "offers.column.mode": "Asignación",
    "offers.column.status": "Estado",
    "offers.column.sent": "Enviada",
    "offers.column.expires": "Responder antes de",
    "offers.column.actions": "Acciones",
    "offers.mode.automatic": "Automática",
    "offers.mode.manual": "Manual",
    "offers.status.pending": "Pendiente",
    "offers.status.accepted": "Aceptada",
    "offers.status.declined": "Rechazada",
    "offers.status.expired": "Caducada",
    "offers.status.withdrawn": "Retirada",
    "offers.expiresIn": "Caduca dentro de {countdown} ({time})",
    "offers.expiryDue": "Caduca ahora ({time})",
    "offers.answeredAt": "{status} ({time})",
    "offers.untitled": "Oportunidad sin título",
    "offers.unknownTarget": "Destinatario desconocido",
    "offers.open": "Abrir {title}",
    "offers.accept": "Aceptar",
    "offers.decline": "Rechazar",
    "offers.accepted": "Has aceptado la oferta: {title} ahora es tuya.",
    "offers.declined": "Has rechazado la oferta de {title}.",
    "offers.error.taken":
      "Otro destinatario aceptó antes: {title} ya no se te ofrece. Se ha recargado la lista.",
    "offers.error.closed":
      "La oferta de {title} ha caducado o ya tiene respuesta, así que no se puede aceptar. Se ha recargado la lista.",
    "offers.error.gone": "La oferta de {title} ya no está dirigida a ti. Se ha recargado la lista.",
    "offers.decline.title": "¿Rechazar la oferta de {title}?",
    "offers.decline.warning":
      "La oportunidad no se te volverá a ofrecer. Si no queda ningún destinatario, se pedirá a los responsables de ventas que elijan otro.",
    "offers.routing.heading": "Asignación",
    "offers.routing.intro":
      "Envía la oportunidad a los destinatarios mejor clasificados que encajen, o a uno que elijas.",
    "offers.routing.automatic": "Asignar automáticamente",
    "offers.routing.manual": "Asignar a…",
    "offers.routing.caption": "Ofertas de esta oportunidad",
    "offers.routing.none": "No se ha enviado ninguna oferta de esta oportunidad.",
    "offers.routing.sent": "Ofertas enviadas: {count}.",
    "offers.routing.noneSent":
      "No se encontró ningún destinatario adecuado sin oferta: no se ha enviado nada.",
    "offers.routing.closed": "Las oportunidades cerradas no se asignan.",
    "offers.routing.dialog.title": "Asignar {title} a un destinatario",
    "offers.routing.dialog.target": "Destinatario",
    "offers.routing.dialog.pick": "Elige un destinatario",
    "offers.routing.dialog.noTargets":
      "No hay ningún destinatario activo con un usuario que responda sus ofertas. Se añaden en Configuración.",
    "offers.routing.target.option": "{name} ({type}, {level})",
    "offers.routing.type.agency": "agencia",
    "offers.routing.type.freelancer": "autónomo",
    "offers.routing.type.internal": "interno",
    "offers.routing.level.none": "sin nivel",
    "offers.routing.level.silver": "plata",
    "offers.routing.level.gold": "oro",
    "offers.routing.level.platinum": "platino",
  },
});
