import type { Settings, User } from "@dealflow/core";
import { allUsers } from "../../storage/all-users.js";
import type { Store } from "../../storage/store.js";
import type { FormIndex, FormIndexRow } from "../../storage/tenants-table/form-index.js";

const activeSellers = async (store: Store, tenantId: string, settings: Settings) =>
  (await allUsers(store, tenantId))
    .filter(
      (user) => user.active && user.role === "seller" && !settings.managerIds.includes(user.id),
    )
    .sort((a, b) => a.id.localeCompare(b.id));

/** The seller after `last` in id order, wrapping round. */
const after = (last: string | null, sellers: readonly User[]): User | undefined =>
  sellers.find((seller) => last === null || seller.id > last) ?? sellers[0];

/** A lead waiting for its seller: how to answer it. */
type Waiter = { resolve(ownerId: string | null): void; reject(error: unknown): void };

/** What a form's batches read with: the first waiting lead's store, form row and settings. */
type Source = { store: Store; forms: FormIndex; row: FormIndexRow; settings: Settings };

/** Per form key, in this process: the leads waiting for the next write, and the last row written. */
type FormTurn = { waiting: Waiter[]; writing: boolean; lastWritten: FormIndexRow | null };
const turns = new Map<string, FormTurn>();

const LOST_RACES_ALLOWED = 5;

/**
 * One conditional write hands out a seller to every lead waiting on this form, in arrival
 * order (a group commit): a burst of leads costs one or two writes, not one each, and
 * never a lost race inside this process. A race lost to another instance re-reads the row
 * and deals again; after LOST_RACES_ALLOWED the batch goes to the first seller (taking the
 * leads matters more than fairness then). A storage error fails the batch's leads (each
 * answers the form 5xx and the form resends it).
 */
const drain = async ({ store, forms, row, settings }: Source, turn: FormTurn) => {
  turn.writing = true;
  try {
    while (turn.waiting.length > 0) {
      const batch = turn.waiting.splice(0);
      try {
        // The active sellers are read once per batch, not once per lead of a burst.
        const sellers = await activeSellers(store, row.tenantId, settings);
        if (sellers.length === 0) {
          // Nobody to deal to: the leads stay unassigned, the cursor where it is.
          for (const waiter of batch) waiter.resolve(null);
          continue;
        }
        let current: FormIndexRow | null = turn.lastWritten ?? row;
        let owners: (string | null)[] | null = null;
        for (let race = 0; race < LOST_RACES_ALLOWED && current !== null; race += 1) {
          let last = current.lastOwnerId;
          const dealt = batch.map(() => {
            const next = after(last, sellers);
            last = next?.id ?? last;
            return next?.id ?? null;
          });
          const moved = last === null ? current : await forms.advanceCursor(current, last);
          if (moved !== "lost") {
            turn.lastWritten = moved;
            owners = dealt;
            break;
          }
          current = await forms.get(row.key);
        }
        if (owners === null) turn.lastWritten = null;
        for (const [index, waiter] of batch.entries()) {
          waiter.resolve(owners?.[index] ?? sellers[0]?.id ?? null);
        }
      } catch (error) {
        turn.lastWritten = null;
        for (const waiter of batch) waiter.reject(error);
      }
    }
  } finally {
    turn.writing = false;
  }
};

/**
 * The next active seller after the one who got the form's last lead. The cursor sits in the
 * form's index row and moves by an ETag-conditional write, so two leads arriving at once on
 * different instances go to different sellers; on a lost race the row is read again and the
 * sellers dealt again. In one process a form's leads are dealt in turn, those that arrive
 * while a write is out together in the next one. No active seller: the lead stays
 * unassigned for a manager (or a Claim) to take.
 */
export const nextRoundRobinOwner = async (
  store: Store,
  forms: FormIndex,
  row: FormIndexRow,
  settings: Settings,
): Promise<string | null> => {
  let turn = turns.get(row.key);
  if (turn === undefined) {
    turn = { waiting: [], writing: false, lastWritten: null };
    turns.set(row.key, turn);
  }
  const mine = turn;
  return new Promise<string | null>((resolve, reject) => {
    mine.waiting.push({ resolve, reject });
    if (!mine.writing) void drain({ store, forms, row, settings }, mine);
  });
};
