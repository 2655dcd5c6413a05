import type {
  Activity,
  Note,
  NotificationIntent,
  Offer,
  RoutingTarget,
  User,
} from "@dealflow/core";
import { key, keyPart, newestFirstKey } from "../keys.js";
import { rowKeyOf } from "../row-kinds.js";
import { encodeRecord, type StoredRow } from "./stored-row.js";

/** Records that live in one row each (plus, for offers, their projections). */
export const recordPrefixes = {
  notes: (opportunityId: string) => rowKeyOf("note", keyPart(opportunityId), ""),
  activities: (opportunityId: string) => rowKeyOf("activity", keyPart(opportunityId), ""),
  users: () => rowKeyOf("user"),
  routingTargets: () => rowKeyOf("routingTarget"),
  /** Every offer's main row, in the order sent (offer ids are ULIDs). */
  offers: () => rowKeyOf("offer"),
  offersOfOpportunity: (opportunityId: string) =>
    rowKeyOf("opportunityOffers", keyPart(opportunityId), ""),
  /** The tenant's pending offers: "fewest open offers" in the ranking (SPEC §4.5). */
  pendingOffers: () => rowKeyOf("pendingOffers"),
  /** One user's pending offers, newest first: what they have to answer. */
  pendingOffersOfUser: (userId: string) =>
    rowKeyOf("userPendingOffers", keyPart(userId, "userId"), ""),
};

export const userKey = (id: string) => recordPrefixes.users() + keyPart(id);
export const SETTINGS_KEY = rowKeyOf("settings");
export const routingTargetKey = (id: string) => recordPrefixes.routingTargets() + keyPart(id);
export const offerKey = (id: string) => recordPrefixes.offers() + keyPart(id);
export const notificationKey = (id: string) => rowKeyOf("notification", keyPart(id));

const main = (rowKey: string, kind: string, record: object): StoredRow => ({
  rowKey,
  role: "main",
  kind,
  data: encodeRecord(record),
});

export const noteRows = (note: Note): StoredRow[] => [
  main(
    recordPrefixes.notes(note.opportunityId) +
      key(newestFirstKey(note.createdAt), keyPart(note.id)),
    "note",
    note,
  ),
];

/** A timeline line's key: its opportunity, its time (newest first), its id. */
export const activityKey = (opportunityId: string, at: string, id: string) =>
  recordPrefixes.activities(opportunityId) + key(newestFirstKey(at), keyPart(id));

export const activityRows = (activity: Activity): StoredRow[] => [
  main(activityKey(activity.opportunityId, activity.at, activity.id), "activity", activity),
];

export const userRows = (user: User): StoredRow[] => [main(userKey(user.id), "user", user)];

export const settingsRows = (settings: object): StoredRow[] => [
  main(SETTINGS_KEY, "settings", settings),
];

export const routingTargetRows = (target: RoutingTarget): StoredRow[] => [
  main(routingTargetKey(target.id), "routing-target", target),
];

export const offerRows = (offer: Offer): StoredRow[] => {
  const data = encodeRecord(offer);
  return [
    { rowKey: offerKey(offer.id), role: "main", kind: "offer", data },
    {
      rowKey: recordPrefixes.offersOfOpportunity(offer.opportunityId) + keyPart(offer.id),
      role: "projection",
      kind: "offer",
      data,
    },
    // Only a pending offer is listed as open: answering it removes these two rows.
    ...(offer.status !== "pending"
      ? []
      : [
          {
            rowKey: recordPrefixes.pendingOffers() + keyPart(offer.id),
            role: "projection" as const,
            kind: "offer",
            data,
          },
          {
            rowKey:
              recordPrefixes.pendingOffersOfUser(offer.userId) +
              key(newestFirstKey(offer.sentAt), keyPart(offer.id)),
            role: "projection" as const,
            kind: "offer",
            data,
          },
        ]),
  ];
};

/** The outbox row; a second create of the same id fails, which makes repeats harmless. */
export const notificationRows = (notification: NotificationIntent): StoredRow[] => [
  main(notificationKey(notification.id), "notification", notification),
];
