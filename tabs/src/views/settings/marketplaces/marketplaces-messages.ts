import type { TranslationOf } from "@dealflow/core/i18n";
import { defineMessages } from "../../../i18n/messages.js";

const en = {
  // Not "Marketplaces": the navigation's "Marketplace" view is a tab too.
  "settings.tab.marketplaces": "Marketplace connectors",
  "settings.section.marketplaces": "Marketplace connectors",
  "connectors.intro":
    "Marketplaces where the team applies to clients' briefs post what happens to each application to Dealflow. Add the marketplace, save, then create its signing secret.",
  "connectors.table": "Marketplace connectors",
  "connectors.none": "No marketplace connectors yet.",
  "connectors.add": "Add marketplace",
  "connectors.editTitle": "Edit marketplace {name}",
  "connectors.name": "Marketplace name",
  "connectors.key": "Key",
  "connectors.keyHint": "The marketplace posts to {path}. It cannot be changed later.",
  "connectors.pipeline": "Pipeline",
  "connectors.pipelineAuto": "The one named after the marketplace, else the first",
  "connectors.reminder": "Client reminder after (hours)",
  "connectors.reveal": "Automatic reveal after (hours)",
  "connectors.delayHint": "Hours after the application. Allowed: {min} – {max}.",
  "connectors.column.reminder": "Client reminder",
  "connectors.column.reveal": "Automatic reveal",
  "connectors.column.secret": "Secret",
  "connectors.secretSet": "Secret set",
  "connectors.noSecret": "No secret yet",
  "connectors.error.key": "Use 1–40 lower-case letters, digits and dashes.",
  "connectors.error.keyUsed": "Another marketplace has this key.",
  "connectors.error.hours": "Enter a number of hours, such as 24 or 1.5.",
  "connectors.error.range": "Must be between {min} and {max}.",
  "connectors.error.revealAfterReminder": "Must be later than the client reminder.",
  "connectors.error.noPipeline":
    "This pipeline no longer exists: edit the marketplace and choose another before saving.",
  "connectors.saveFirst": "Save to create it",
  "connectors.edit": "Edit",
  "connectors.editOf": "Edit {name}",
  "connectors.rotate": "Rotate secret",
  "connectors.rotateOf": "Rotate secret of {name}",
  "connectors.removeOf": "Remove {name}",
  "connectors.confirm.title": "Create a new secret for {name}?",
  "connectors.confirm.warning":
    "If the marketplace already signs its events with a secret, that secret stops working at once: its events are refused until it uses the new one.",
  "connectors.secret.title": "Signing secret of {name}",
  "connectors.secret.once":
    "Copy this secret into the marketplace now: you will not see it again. Any earlier secret of this marketplace no longer works.",
  "connectors.secret.address": "Events address",
  "connectors.secret.howTo":
    "Sign each request: X-Dealflow-Timestamp (Unix seconds, within {minutes} minutes of now) and X-Dealflow-Signature: sha256=<HMAC-SHA256 of timestamp.body>.",
};

const es: TranslationOf<typeof en> = {
  "settings.tab.marketplaces": "Conectores de marketplace",
  "settings.section.marketplaces": "Conectores de marketplace",
  "connectors.intro":
    "Los marketplaces en los que el equipo se postula a los encargos de clientes envían a Dealflow lo que ocurre con cada candidatura. Añade el marketplace, guarda y crea su secreto de firma.",
  "connectors.table": "Conectores de marketplace",
  "connectors.none": "Aún no hay conectores de marketplaces.",
  "connectors.add": "Añadir marketplace",
  "connectors.editTitle": "Editar el marketplace {name}",
  "connectors.name": "Nombre del marketplace",
  "connectors.key": "Clave",
  "connectors.keyHint": "El marketplace envía a {path}. No se puede cambiar después.",
  "connectors.pipeline": "Embudo",
  "connectors.pipelineAuto": "El que lleva el nombre del marketplace, si no el primero",
  "connectors.reminder": "Recordatorio al cliente tras (horas)",
  "connectors.reveal": "Revelado automático tras (horas)",
  "connectors.delayHint": "Horas desde la candidatura. Permitido: {min} – {max}.",
  "connectors.column.reminder": "Recordatorio al cliente",
  "connectors.column.reveal": "Revelado automático",
  "connectors.column.secret": "Secreto",
  "connectors.secretSet": "Secreto definido",
  "connectors.noSecret": "Aún sin secreto",
  "connectors.error.key": "Usa de 1 a 40 letras minúsculas, cifras y guiones.",
  "connectors.error.keyUsed": "Otro marketplace tiene esta clave.",
  "connectors.error.hours": "Escribe un número de horas, como 24 o 1,5.",
  "connectors.error.range": "Debe estar entre {min} y {max}.",
  "connectors.error.revealAfterReminder": "Debe ser posterior al recordatorio al cliente.",
  "connectors.error.noPipeline":
    "Este embudo ya no existe: edita el marketplace y elige otro antes de guardar.",
  "connectors.saveFirst": "Guarda para crearlo",
  "connectors.edit": "Editar",
  "connectors.editOf": "Editar {name}",
  "connectors.rotate": "Nuevo secreto",
  "connectors.rotateOf": "Nuevo secreto de {name}",
  "connectors.removeOf": "Quitar {name}",
  "connectors.confirm.title": "¿Crear un secreto nuevo para {name}?",
  "connectors.confirm.warning":
    "Si el marketplace ya firma sus eventos con un secreto, ese secreto deja de funcionar en el acto: se rechazan sus eventos hasta que use el nuevo.",
  "connectors.secret.title": "Secreto de firma de {name}",
  "connectors.secret.once":
    "Copia este secreto en el marketplace ahora: no volverás a verlo. Cualquier secreto anterior de este marketplace ha dejado de funcionar.",
  "connectors.secret.address": "Dirección de eventos",
  "connectors.secret.howTo":
    "Firma cada petición: X-Dealflow-Timestamp (segundos Unix, a menos de {minutes} minutos de ahora) y X-Dealflow-Signature: sha256=<HMAC-SHA256 de timestamp.cuerpo>.",
};

export const marketplacesMessages = defineMessages({ en, es });
