import { defineMessages } from "../../i18n/messages.js";

export const reportsMessages = defineMessages({
  en: {
    "reports.title": "Reports",
  },
  es: {
    "reports.title": "Informes",
  },
});
