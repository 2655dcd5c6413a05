import type { ConversationRecord } from "@dealflow/bot";
import type { Activity, NotificationIntent, Opportunity, User } from "@dealflow/core";

/**
 * What one outbox row's delivery reads of its subject, each at most once: its audience, every
 * card rendered for it and every channel share the reads (a follower card redacts with the stored
 * opportunity, the owner's mail needs the owner, the channel posts need the channels).
 */
export type SubjectReads = {
  opportunity(id: string): Promise<Opportunity | null>;
  /** A user of the tenant: a recipient, an owner to mail, a name on a card. */
  user(id: string): Promise<User | null>;
  /** The timeline line an activity's outbox row reports; null for other intents. */
  line(): Promise<Activity | null>;
  channels(): Promise<ConversationRecord[]>;
};

/**
 * One way of telling people about an outbox row (the bot, mail). The consumer runs every
 * channel for each intent; a channel must be idempotent per notification id (a queue message
 * can arrive twice, and a retry follows a partial fan-out) and throws to ask for a retry.
 */
export type NotificationChannel = {
  name: string;
  deliver(
    notification: NotificationIntent,
    ctx: {
      now: Date;
      log: (message: string) => void;
      /** The intent's subject as this delivery reads it, shared by every channel. */
      reads: SubjectReads;
    },
  ): Promise<void>;
};
