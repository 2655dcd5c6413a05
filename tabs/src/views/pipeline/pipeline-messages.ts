import { defineMessages } from "../../i18n/messages.js";

/** The Pipeline view's strings and the channel tab's configuration page's (`views/config`). */
export const pipelineMessages = defineMessages({
  en: {
    "pipeline.title": "Pipeline",
    "pipeline.picker": "Pipeline",
    "pipeline.layout": "Show as",
    "pipeline.layout.board": "Board",
    "pipeline.layout.list": "List",
    "pipeline.board": "{pipeline}: board by stage",
    "pipeline.list": {
      one: "{pipeline}: {count} opportunity by stage",
      other: "{pipeline}: {count} opportunities by stage",
    },
    "pipeline.count": {
      one: "{count} opportunity",
      other: "{count} opportunities",
    },
    "pipeline.count.more": "{count}+ opportunities",
    "pipeline.total": "Total {amount}",
    "pipeline.cards": "Opportunities in {stage}",
    "pipeline.empty": "Nothing in this stage.",
    "pipeline.truncated":
      "Showing the newest {count} opportunities of a stage; filter by owner to see the rest.",
    "pipeline.none": "No pipeline is set up yet.",
    "pipeline.noneHint":
      "A manager adds pipelines and their stages in Settings, Pipelines and stages.",
    "pipeline.stagePicker": "Stage",
    "pipeline.stageOption": "{stage} ({count})",
    "pipeline.nextTask": "Next: {task}",
    "pipeline.owner": "Owner: {name}",
    "pipeline.unassigned": "Unassigned",
    "pipeline.age": "Received {elapsed} ago",
    "pipeline.moveTo": "Move to",
    "pipeline.moved": "{name} moved to {stage}.",
    "pipeline.column.title": "Title",
    "pipeline.column.value": "Value",
    "pipeline.column.age": "Age",
    "config.title": "Link this channel to a pipeline",
    "config.intro":
      "The tab shows the pipeline's board, and the Dealflow bot's status in this channel summarises that pipeline.",
    "config.channel": "Channel: {channel}",
    "config.outsideTeams":
      "This page sets up a Dealflow tab in a Microsoft Teams channel. Outside Teams you can pick a pipeline and preview its board.",
    "config.managersOnly":
      "Only a manager can link a channel to a pipeline. Ask a Dealflow manager to add this tab.",
    "config.preview": "Preview the board",
    "config.tabName": "{pipeline} pipeline",
    "config.saveFailed": "The channel could not be linked to the pipeline: {reason}",
  },
  es: {
    "pipeline.title": "Embudo",
    "pipeline.picker": "Embudo",
    "pipeline.layout": "Mostrar como",
    "pipeline.layout.board": "Tablero",
    "pipeline.layout.list": "Lista",
    "pipeline.board": "{pipeline}: tablero por etapa",
    "pipeline.list": {
      one: "{pipeline}: {count} oportunidad por etapa",
      other: "{pipeline}: {count} oportunidades por etapa",
    },
    "pipeline.count": {
      one: "{count} oportunidad",
      other: "{count} oportunidades",
    },
    "pipeline.count.more": "Más de {count} oportunidades",
    "pipeline.total": "Total {amount}",
    "pipeline.cards": "Oportunidades en {stage}",
    "pipeline.empty": "Nada en esta etapa.",
    "pipeline.truncated":
      "Se muestran las {count} oportunidades más recientes de una etapa; filtra por responsable para ver el resto.",
    "pipeline.none": "Todavía no hay ningún embudo configurado.",
    "pipeline.noneHint":
      "Un gerente añade los embudos y sus etapas en Configuración, Embudos y etapas.",
    "pipeline.stagePicker": "Etapa",
    "pipeline.stageOption": "{stage} ({count})",
    "pipeline.nextTask": "Siguiente: {task}",
    "pipeline.owner": "Responsable: {name}",
    "pipeline.unassigned": "Sin asignar",
    "pipeline.age": "Recibida hace {elapsed}",
    "pipeline.moveTo": "Mover a",
    "pipeline.moved": "{name} se movió a {stage}.",
    "pipeline.column.title": "Título",
    "pipeline.column.value": "Valor",
    "pipeline.column.age": "Antigüedad",
    "config.title": "Vincular este canal a un embudo",
    "config.intro":
      "La pestaña muestra el tablero del embudo y el estado que da el bot de Dealflow en este canal resume ese embudo.",
    "config.channel": "Canal: {channel}",
    "config.outsideTeams":
      "Esta página configura una pestaña de Dealflow en un canal de Microsoft Teams. Fuera de Teams puedes elegir un embudo y ver su tablero.",
    "config.managersOnly":
      "Solo un gerente puede vincular un canal a un embudo. Pide a un gerente de Dealflow que añada esta pestaña.",
    "config.preview": "Ver el tablero",
    "config.tabName": "Embudo {pipeline}",
    "config.saveFailed": "No se pudo vincular el canal al embudo: {reason}",
  },
});
