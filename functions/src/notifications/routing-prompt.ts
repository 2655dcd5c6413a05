/**
 * SPEC §4.5 "choose another target": until core has a notification type for it, the prompt is
 * a system note (functions/src/api/routing/routing-intents.ts) whose ids carry this prefix, so
 * delivery can tell it from an ordinary note and send it to the managers and the linked
 * channels as well as the followers.
 */
export const ROUTING_PROMPT_ID_PREFIX = "routing-prompt-";

export const isRoutingPrompt = (noteId: string): boolean =>
  noteId.startsWith(ROUTING_PROMPT_ID_PREFIX);
