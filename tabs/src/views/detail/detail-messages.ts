import { defineMessages } from "../../i18n/messages.js";

/** Strings of the opportunity detail added after the first catalog (participants, followers, tasks). */
export const detailMessages = defineMessages({
  en: {},
  es: {},
});
