import { defineMessages } from "../../i18n/messages.js";

/** The first-contact queue's own strings (the queue's older ones are in the base catalog). */
export const firstContactMessages = defineMessages({
  en: {
    "firstContact.hiddenClient":
      "The client is not revealed yet: record the first contact once they accept or the reveal time passes.",
  },
  es: {
    "firstContact.hiddenClient":
      "El cliente aún no se ha revelado: registra el primer contacto cuando acepte o cuando llegue la hora de revelación.",
  },
});
