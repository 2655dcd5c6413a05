import type { TranslationOf } from "@dealflow/core/i18n";
import { defineMessages } from "../../../i18n/messages.js";

/** What every secret shown once says, whichever section made it (intake forms, connectors). */
const en = {
  "secrets.creating": "Creating a secret for {name}",
  "secrets.working": "Creating the secret…",
  "secrets.retry": "Try again",
  "secrets.label": "Secret",
  "secrets.copy": "Copy",
  "secrets.copied": "Copied to the clipboard.",
  "secrets.copyFailed": "Could not copy: select the secret and copy it by hand.",
};

const es: TranslationOf<typeof en> = {
  "secrets.creating": "Creando un secreto para {name}",
  "secrets.working": "Creando el secreto…",
  "secrets.retry": "Reintentar",
  "secrets.label": "Secreto",
  "secrets.copy": "Copiar",
  "secrets.copied": "Copiado al portapapeles.",
  "secrets.copyFailed": "No se pudo copiar: selecciona el secreto y cópialo a mano.",
};

export const secretsMessages = defineMessages({ en, es });
