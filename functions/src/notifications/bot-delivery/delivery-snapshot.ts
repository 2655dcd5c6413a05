import type { ConversationRecord } from "@dealflow/bot";
import type { User } from "@dealflow/core";
import { allUsers } from "../../storage/all-users.js";
import type { CardRecord, DeliveryLog } from "../../storage/messaging/delivery-log.js";
import type { Store } from "../../storage/store.js";
import { memoById } from "../memo.js";
import type { SubjectReads } from "../notification-channel.js";
import type { Delivery } from "../recipients.js";

/** From this many users on, one range read of the tenant's rows beats a point read per user. */
const RANGE_READ_FROM = 20;

/** Card rows remembered before the memory is reset (then every earlier read counts as stale). */
const REMEMBERED_WRITES = 10_000;

export const cardWriteKey = (tenantId: string, opportunityId: string, userId: string) =>
  `${tenantId}|${opportunityId}|${userId}`;

/**
 * Card rows this process wrote, with a sequence number: a card read up front is used only if
 * no delivery of this process wrote it since (those of other processes are caught by its ETag).
 */
export const createCardWrites = () => {
  let sequence = 0;
  let forgottenUpTo = 0;
  const written = new Map<string, number>();
  return {
    now: () => sequence,
    wrote(key: string) {
      sequence += 1;
      if (written.size >= REMEMBERED_WRITES) {
        written.clear();
        forgottenUpTo = sequence;
      }
      written.set(key, sequence);
    },
    since: (key: string, at: number) => at < forgottenUpTo || (written.get(key) ?? 0) > at,
  };
};

export type CardWrites = ReturnType<typeof createCardWrites>;

/** What every recipient of one intent needs, read before the first send instead of per card. */
export type DeliverySnapshot = {
  alreadySent: (recipient: string) => boolean;
  /** The saved personal chat of a user; null when there is none. */
  userChat: (userId: string) => Promise<ConversationRecord | null>;
  user: (userId: string) => Promise<User | null>;
  /** The follower card of the opportunity in a user's chat; undefined when it must be re-read. */
  card: (opportunityId: string, userId: string) => CardRecord | null | undefined;
};

const usersById = async (store: Store, tenantId: string): Promise<Map<string, User>> =>
  new Map((await allUsers(store, tenantId)).map((user) => [user.id, user]));

const byUser = (records: readonly ConversationRecord[]) =>
  new Map(
    records.flatMap((record) =>
      record.target.scope === "user" ? [[record.target.userId, record] as const] : [],
    ),
  );

export const loadDeliverySnapshot = async (
  deps: { store: Store; log: DeliveryLog; cardWrites: CardWrites; reads: SubjectReads },
  tenantId: string,
  notificationId: string,
  deliveries: readonly Delivery[],
): Promise<DeliverySnapshot> => {
  const { store, log, cardWrites, reads } = deps;
  const userCount = new Set(deliveries.flatMap((d) => (d.to === "user" ? [d.userId] : []))).size;
  const many = userCount >= RANGE_READ_FROM;
  const followed = deliveries.find((d) => d.card.kind === "follower-update")?.card;
  const opportunityId = followed?.kind === "follower-update" ? followed.opportunity.id : null;
  const cardsReadAt = cardWrites.now();
  const [alreadySent, chats, users, cards] = await Promise.all([
    log.sentTo(tenantId, notificationId),
    many ? store.conversations.listUserConversations(tenantId).then(byUser) : null,
    many ? usersById(store, tenantId) : null,
    opportunityId ? log.cardsOf(tenantId, opportunityId) : null,
  ]);
  return {
    alreadySent,
    userChat: chats
      ? async (userId) => chats.get(userId) ?? null
      : memoById((userId) => store.conversations.get(tenantId, { scope: "user", userId })),
    user: users ? async (userId) => users.get(userId) ?? null : reads.user,
    card: (cardOpportunityId, userId) =>
      cards === null ||
      cardOpportunityId !== opportunityId ||
      cardWrites.since(cardWriteKey(tenantId, cardOpportunityId, userId), cardsReadAt)
        ? undefined
        : (cards.get(userId) ?? null),
  };
};
