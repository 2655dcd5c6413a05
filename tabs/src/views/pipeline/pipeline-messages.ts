import { defineMessages } from "../../i18n/messages.js";

export const pipelineMessages = defineMessages({
  en: {
    "pipeline.title": "Pipeline",
  },
  es: {
    "pipeline.title": "Embudo",
  },
});
