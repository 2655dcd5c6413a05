import type { TranslationOf } from "@dealflow/core/i18n";
import { defineMessages } from "../../../i18n/messages.js";

const en = {
  "settings.tab.teams": "Teams",
  "settings.section.teams": "Teams",
  "teams.intro":
    "The teams in Microsoft Teams that Dealflow has been added to. Their members see every opportunity of a sales pipeline shared with the team. Members come from Teams; add or remove someone here when Teams does not list them. Changes here apply at once.",
  "teams.none":
    "Dealflow is not in any team yet. Add the Dealflow app to a team in Microsoft Teams and its members appear here.",
  "teams.members": "Members of {team}",
  "teams.noMembers": "No members yet.",
  "teams.member.fromTeams": "In the team in Microsoft Teams",
  "teams.member.byManager": "Added by a manager",
  "teams.member.notSignedIn": "Has not opened Dealflow yet",
  "teams.remove": "Remove {name} from {team}",
  "teams.add.person": "Add a person to {team}",
  "teams.add.choose": "Choose a person",
  "teams.add.button": "Add to {team}",
  "teams.added": "{name} is now a member of {team}.",
  "teams.removed": "{name} is no longer a member of {team}.",
  "teams.removedStillInTeams":
    "{name} no longer sees {team}'s pipelines, but is still in the team in Microsoft Teams and comes back the next time its members change. Remove them in Teams too.",
  "settings.pipeline.chooseTeam": "Choose a team",
  "settings.pipeline.unknownTeam": "A team Dealflow is not in ({id})",
  "settings.pipeline.noTeams":
    "Add the Dealflow app to a team in Microsoft Teams to choose that team here.",
  "settings.pipeline.teamsUnavailable": "The teams could not be read: {error}",
};

const es: TranslationOf<typeof en> = {
  "settings.tab.teams": "Equipos",
  "settings.section.teams": "Equipos",
  "teams.intro":
    "Los equipos de Microsoft Teams a los que se ha añadido Dealflow. Sus miembros ven todas las oportunidades de un embudo compartido con el equipo. Los miembros vienen de Teams; añade o quita a alguien aquí cuando Teams no lo tenga. Los cambios de esta sección se aplican al momento.",
  "teams.none":
    "Dealflow todavía no está en ningún equipo. Añade la aplicación Dealflow a un equipo de Microsoft Teams y sus miembros aparecerán aquí.",
  "teams.members": "Miembros de {team}",
  "teams.noMembers": "Todavía sin miembros.",
  "teams.member.fromTeams": "En el equipo de Microsoft Teams",
  "teams.member.byManager": "Añadido por un gerente",
  "teams.member.notSignedIn": "Todavía no ha abierto Dealflow",
  "teams.remove": "Quitar a {name} de {team}",
  "teams.add.person": "Añadir una persona a {team}",
  "teams.add.choose": "Elige una persona",
  "teams.add.button": "Añadir a {team}",
  "teams.added": "{name} ya es miembro de {team}.",
  "teams.removed": "{name} ya no es miembro de {team}.",
  "teams.removedStillInTeams":
    "{name} ya no ve los embudos de {team}, pero sigue en el equipo de Microsoft Teams y volverá la próxima vez que cambien sus miembros. Quítalo también en Teams.",
  "settings.pipeline.chooseTeam": "Elige un equipo",
  "settings.pipeline.unknownTeam": "Un equipo en el que Dealflow no está ({id})",
  "settings.pipeline.noTeams":
    "Añade la aplicación Dealflow a un equipo de Microsoft Teams para poder elegirlo aquí.",
  "settings.pipeline.teamsUnavailable": "No se pudieron leer los equipos: {error}",
};

export const teamsMessages = defineMessages({ en, es });
