import { defineMessages } from "../../i18n/messages.js";

export const settingsMessages = defineMessages({
  en: {
    "settings.title": "Settings",
  },
  es: {
    "settings.title": "Configuración",
  },
});
