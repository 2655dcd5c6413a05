import type { NotificationIntent, Opportunity } from "@dealflow/core";
import { readAllPages } from "../../functions/src/storage/paging.js";
import type { Store } from "../../functions/src/storage/store.js";
import type { TableStorage } from "../../functions/src/storage/table-storage.js";
import { type ConnectorCall, conversationOf } from "../support/fake-connector.js";
import { checkOpportunityRows, readTenantRows } from "./opportunity-consistency.js";
import type { Ledger } from "./soak-actions.js";
import type { SoakCall } from "./soak-client.js";

/** What the end of a run found; every list or count but the totals must be empty or 0. */
export type SoakInvariants = {
  leadsAcknowledged: number;
  /** Acknowledged external ids that are not exactly one opportunity (or were answered two). */
  leadsNotExactlyOne: string[];
  /** Unacknowledged external ids that became more than one opportunity. */
  unacknowledgedDuplicated: string[];
  opportunities: number;
  partialOpportunities: string[];
  orphanIndexRows: string[];
  opportunitiesWithoutContact: string[];
  notifications: number;
  undelivered: number;
  deadLetters: number;
  /** `dlv|sent` rows with a card: a notification delivered to one chat. */
  cardsRecorded: number;
  /** Recorded as sent, yet the connector accepted no such card in that chat. */
  recordedWithoutCard: number;
  /** Cards the connector accepted that no `dlv|sent` row records (a repeat after a crash). */
  unrecordedCards: number;
  remindersAcknowledged: number;
  remindersMissing: string[];
  remindersRepeated: string[];
  notesAcknowledged: number;
  notesLost: string[];
  notesDuplicated: string[];
  incrementsAcknowledged: number;
  conflicts412: number;
  /** Counters whose final value is below the acknowledged increments (a lost update). */
  lostUpdates: string[];
  /** Counters above acknowledged + unanswered increments (an increment applied twice). */
  phantomUpdates: string[];
  serverErrors: Record<string, number>;
};

const chatOf = (userId: string) => `a:personal-${userId}`;

/** Reads storage and the connector's log once everything drained; compares with the ledger. */
export const checkInvariants = async (input: {
  storage: TableStorage;
  store: Store;
  tenantId: string;
  ledger: Ledger;
  /** Every call the stand-in connector had (the bot is installed first, so all are ours). */
  connectorCalls: readonly ConnectorCall[];
  calls: readonly SoakCall[];
}): Promise<SoakInvariants> => {
  const { storage, store, tenantId, ledger } = input;
  const rows = await readTenantRows(storage, tenantId);
  const consistency = checkOpportunityRows(rows);

  const byExternalId = new Map<string, Opportunity[]>();
  for (const opportunity of consistency.opportunities) {
    if (!opportunity.externalId) continue;
    const same = byExternalId.get(opportunity.externalId) ?? [];
    same.push(opportunity);
    byExternalId.set(opportunity.externalId, same);
  }
  const leadsNotExactlyOne: string[] = [];
  const unacknowledgedDuplicated: string[] = [];
  let leadsAcknowledged = 0;
  for (const [externalId, lead] of ledger.leads) {
    const stored = byExternalId.get(`lead:${externalId}`) ?? [];
    if (lead.opportunityIds.size === 0) {
      if (stored.length > 1) unacknowledgedDuplicated.push(externalId);
      continue;
    }
    leadsAcknowledged += 1;
    const [answered] = [...lead.opportunityIds];
    if (lead.opportunityIds.size !== 1 || stored.length !== 1 || stored[0]?.id !== answered)
      leadsNotExactlyOne.push(externalId);
  }

  const notifications = await readAllPages((page) => store.listNotifications(tenantId, page));
  const deadLetters = rows.filter((row) => row.rowKey.startsWith("dlv|dead|")).length;

  const accepted = input.connectorCalls.filter((call) => call.status >= 200 && call.status < 300);
  const answeredIn = new Set(
    accepted.map((call) => `${conversationOf(call.path)} ${call.answeredId ?? ""}`),
  );
  const recordedIds = new Set<string>();
  let cardsRecorded = 0;
  let recordedWithoutCard = 0;
  for (const row of rows) {
    if (!row.rowKey.startsWith("dlv|sent|") || row.data === undefined) continue;
    const recipient = row.rowKey.split("|")[3] ?? "";
    const { activityId } = JSON.parse(row.data) as { activityId: string | null };
    if (activityId === null) continue;
    recordedIds.add(activityId);
    if (!recipient.startsWith("user:")) continue;
    cardsRecorded += 1;
    if (!answeredIn.has(`${chatOf(recipient.slice("user:".length))} ${activityId}`))
      recordedWithoutCard += 1;
  }
  const unrecordedCards = accepted.filter(
    (call) =>
      call.method === "POST" &&
      (conversationOf(call.path) ?? "").startsWith("a:personal-") &&
      !recordedIds.has(call.answeredId ?? ""),
  ).length;

  const remindersMissing: string[] = [];
  const remindersRepeated: string[] = [];
  for (const reminder of ledger.reminders.filter((entry) => entry.acknowledged)) {
    const cards = accepted.filter(
      (call) =>
        call.method === "POST" &&
        conversationOf(call.path) === chatOf(reminder.ownerId) &&
        JSON.stringify(call.body).includes(reminder.title),
    ).length;
    if (cards === 0) remindersMissing.push(reminder.title);
    if (cards > 1) remindersRepeated.push(reminder.title);
  }

  const notesLost: string[] = [];
  const notesDuplicated: string[] = [];
  const notesOf = new Map<string, string[]>();
  for (const note of ledger.notes) {
    let texts = notesOf.get(note.opportunityId);
    if (texts === undefined) {
      texts = (
        await readAllPages((page) => store.listNotes(tenantId, note.opportunityId, page))
      ).map((stored) => stored.text);
      notesOf.set(note.opportunityId, texts);
    }
    const count = texts.filter((text) => text === note.text).length;
    if (note.acknowledged && count === 0) notesLost.push(note.text);
    if (count > 1) notesDuplicated.push(note.text);
  }

  const lostUpdates: string[] = [];
  const phantomUpdates: string[] = [];
  let incrementsAcknowledged = 0;
  let conflicts412 = 0;
  for (const [id, tally] of ledger.counters) {
    incrementsAcknowledged += tally.acknowledged;
    conflicts412 += tally.conflicts;
    const amount = (await store.getOpportunity(tenantId, id))?.value?.amount ?? 0;
    if (amount < tally.acknowledged) lostUpdates.push(id);
    if (amount > tally.acknowledged + tally.unknown) phantomUpdates.push(id);
  }

  const serverErrors: Record<string, number> = {};
  for (const call of input.calls) {
    if (call.status >= 500) serverErrors[call.status] = (serverErrors[call.status] ?? 0) + 1;
  }

  return {
    leadsAcknowledged,
    leadsNotExactlyOne,
    unacknowledgedDuplicated,
    opportunities: consistency.opportunities.length,
    partialOpportunities: consistency.partial,
    orphanIndexRows: consistency.orphanRows,
    opportunitiesWithoutContact: consistency.withoutContact,
    notifications: notifications.length,
    undelivered: notifications.filter((intent: NotificationIntent) => intent.deliveredAt === null)
      .length,
    deadLetters,
    cardsRecorded,
    recordedWithoutCard,
    unrecordedCards,
    remindersAcknowledged: ledger.reminders.filter((entry) => entry.acknowledged).length,
    remindersMissing,
    remindersRepeated,
    notesAcknowledged: ledger.notes.filter((note) => note.acknowledged).length,
    notesLost,
    notesDuplicated,
    incrementsAcknowledged,
    conflicts412,
    lostUpdates,
    phantomUpdates,
    serverErrors,
  };
};
