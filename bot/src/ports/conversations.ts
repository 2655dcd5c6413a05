/** Where the bot can post without being spoken to: a user's personal chat or a channel. */
export type ConversationTarget =
  | { scope: "user"; userId: string }
  | { scope: "channel"; teamId: string; channelId: string };

/** The part of a Bot Framework ConversationReference the bot needs to post proactively. */
export type ConversationReference = {
  serviceUrl: string;
  conversationId: string;
  conversationType: "personal" | "channel" | "groupChat";
  botId: string;
  /** The user's Teams id (29:…), known once they wrote to the bot. */
  userTeamsId: string | null;
  locale: string | null;
};

/** A saved target; `reference` is the Bot Framework ConversationReference as JSON (opaque here). */
export type ConversationRecord = {
  tenantId: string;
  target: ConversationTarget;
  reference: unknown;
  serviceUrl: string;
  active: boolean;
  /** Pipeline a channel is linked to (channel posts), when linked. */
  pipelineId: string | null;
  updatedAt: string;
  deactivatedReason: string | null;
};

export type ConversationPort = {
  save(record: ConversationRecord): Promise<void>;
  get(tenantId: string, target: ConversationTarget): Promise<ConversationRecord | null>;
  deactivate(tenantId: string, target: ConversationTarget, reason: string, at: Date): Promise<void>;
  listChannels(tenantId: string): Promise<ConversationRecord[]>;
};

export const isConversationReference = (value: unknown): value is ConversationReference =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as ConversationReference).serviceUrl === "string" &&
  typeof (value as ConversationReference).conversationId === "string";
