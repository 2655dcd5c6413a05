import type { ApiClient, Random, SoakAnswer } from "./soak-client.js";
import { send } from "./soak-client.js";
import type { IntakeForm, SoakWorld } from "./soak-setup.js";

/** What the clients were told happened (2xx) and what they cannot know (no answer). */
export type Ledger = {
  /** External id → the opportunity ids its 2xx answers named, and its posts. */
  leads: Map<string, { opportunityIds: Set<string>; created: number; posts: number }>;
  notes: { opportunityId: string; text: string; acknowledged: boolean }[];
  reminders: { title: string; ownerId: string; acknowledged: boolean }[];
  counters: Map<string, { acknowledged: number; unknown: number; conflicts: number }>;
  /** Opportunity ids each user has seen in a list, for the next details, notes and actions. */
  seen: Map<string, string[]>;
  /** External ids whose last post got no answer or a 5xx: the form sends them again. */
  retry: Set<string>;
  /** Leads answered 2xx on a post after such a failure. */
  recovered: number;
};

export const newLedger = (world: SoakWorld): Ledger => ({
  leads: new Map(),
  notes: [],
  reminders: [],
  counters: new Map(
    world.counters.map((counter) => [counter.id, { acknowledged: 0, unknown: 0, conflicts: 0 }]),
  ),
  seen: new Map(),
  retry: new Set(),
  recovered: 0,
});

const ok = (answer: SoakAnswer) => answer.status >= 200 && answer.status < 300;
const REMINDER_PREFIX = "Soak reminder";
let serial = 0;
const unique = () => {
  serial += 1;
  return `${process.pid}-${Date.now().toString(36)}-${serial}`;
};

export type Action = (
  world: SoakWorld,
  ledger: Ledger,
  client: ApiClient,
  rng: Random,
) => Promise<void>;

const counterIds = (world: SoakWorld) => new Set(world.counters.map((counter) => counter.id));

/** An opportunity the user has listed (never a counter: those only count). */
const seenBy = (world: SoakWorld, ledger: Ledger, client: ApiClient, rng: Random) => {
  const counters = counterIds(world);
  return rng.pick((ledger.seen.get(client.userId) ?? []).filter((id) => !counters.has(id)));
};

const listQueue: Action = async (world, ledger, client, rng) => {
  const view = client.userId === world.manager.id ? rng.pick(["all", "first-contact"]) : "mine";
  const answer = await client.call(
    "GET /api/opportunities",
    "GET",
    `/api/opportunities?view=${view ?? "mine"}`,
  );
  if (!ok(answer)) return;
  const items = (answer.body as { items: { id: string }[] }).items.map((item) => item.id);
  ledger.seen.set(client.userId, items);
};

const details: Action = async (world, ledger, client, rng) => {
  const id = seenBy(world, ledger, client, rng);
  if (id) await client.call("GET /api/opportunities/{id}", "GET", `/api/opportunities/${id}`);
};

const addNote: Action = async (world, ledger, client, rng) => {
  const id = seenBy(world, ledger, client, rng);
  if (!id) return;
  const text = `Soak note ${unique()}`;
  const answer = await client.call(
    "POST /api/opportunities/{id}/notes",
    "POST",
    `/api/opportunities/${id}/notes`,
    { body: { text } },
  );
  // A 404/403 is a legitimate refusal (the lead moved on); no answer may or may not have landed.
  if (ok(answer) || answer.status === 0 || answer.status >= 500)
    ledger.notes.push({ opportunityId: id, text, acknowledged: ok(answer) });
};

const firstContact: Action = async (world, _ledger, client, rng) => {
  const listed = await client.call(
    "GET /api/opportunities",
    "GET",
    "/api/opportunities?view=first-contact",
  );
  if (!ok(listed)) return;
  const counters = counterIds(world);
  const items = (listed.body as { items: { id: string }[] }).items.filter(
    (item) => !counters.has(item.id),
  );
  const target = rng.pick(items);
  if (!target) return;
  const body = rng.pick([
    { action: "second-contact", delayHours: 24 },
    { action: "ready-for-proposal", notes: "Soak: wants a proposal" },
    { action: "discard", reason: "duplicate" },
  ]);
  await client.call(
    "POST /api/opportunities/{id}/first-contact",
    "POST",
    `/api/opportunities/${target.id}/first-contact`,
    { body },
  );
};

const completeTask: Action = async (_world, _ledger, client, rng) => {
  const range = rng.pick(["overdue", "today", "upcoming"]) ?? "today";
  const listed = await client.call("GET /api/tasks", "GET", `/api/tasks?range=${range}`);
  if (!ok(listed)) return;
  const tasks = (listed.body as { items: { id: string; title: string | null }[] }).items.filter(
    (task) => !(task.title ?? "").startsWith(REMINDER_PREFIX),
  );
  const task = rng.pick(tasks);
  if (!task) return;
  // Done as it is, or "not sure yet" (which schedules the default follow-up, SPEC §4.3).
  await client.call("POST /api/tasks/{id}/complete", "POST", `/api/tasks/${task.id}/complete`, {
    body: { outcome: rng.next() < 0.5 ? null : "not-sure-yet" },
  });
};

/** A task already past due: the sweep owes its owner exactly one reminder card. */
const overdueTask: Action = async (_world, ledger, client) => {
  const title = `${REMINDER_PREFIX} ${unique()}`;
  const answer = await client.call("POST /api/tasks", "POST", "/api/tasks", {
    body: {
      opportunityId: null,
      kind: "call",
      title,
      dueAt: new Date(Date.now() - 60_000).toISOString(),
    },
  });
  if (ok(answer) || answer.status === 0 || answer.status >= 500)
    ledger.reminders.push({ title, ownerId: client.userId, acknowledged: ok(answer) });
};

/** Read, add one, write with If-Match: a 412 is a conflict seen, never a lost increment. */
const incrementOnce = async (ledger: Ledger, client: ApiClient, counterId: string) => {
  const read = await client.call(
    "GET /api/opportunities/{id}",
    "GET",
    `/api/opportunities/${counterId}`,
  );
  const etag = read.headers?.get("etag");
  if (!ok(read) || !etag) return;
  const amount = (read.body as { value: { amount: number } | null }).value?.amount ?? 0;
  const answer = await client.call(
    "PATCH /api/opportunities/{id}",
    "PATCH",
    `/api/opportunities/${counterId}`,
    { body: { value: { amount: amount + 1, currency: "EUR" } }, headers: { "If-Match": etag } },
  );
  const tally = ledger.counters.get(counterId);
  if (!tally) return;
  if (ok(answer)) tally.acknowledged += 1;
  else if (answer.status === 412) tally.conflicts += 1;
  else if (answer.status === 0 || answer.status >= 500) tally.unknown += 1;
};

/** Two increments of one counter at once (two tabs open): one of them often reads stale. */
const incrementCounter: Action = async (world, ledger, client, rng) => {
  const mine = world.counters.filter(
    (counter) => client.userId === world.manager.id || counter.ownerId === client.userId,
  );
  const counter = rng.pick(mine);
  if (!counter) return;
  await Promise.all([
    incrementOnce(ledger, client, counter.id),
    incrementOnce(ledger, client, counter.id),
  ]);
};

const follow: Action = async (world, ledger, client, rng) => {
  const id = seenBy(world, ledger, client, rng);
  if (!id) return;
  // Half and half, so that unfollowing gets enough calls for a p95 of its own.
  const method = rng.next() < 0.5 ? "POST" : "DELETE";
  await client.call(
    `${method} /api/opportunities/{id}/followers/me`,
    method,
    `/api/opportunities/${id}/followers/me`,
  );
};

/** A day's mix, by weight: sellers and managers alike, each action only where it may. */
export const MIX: readonly (readonly [Action, number])[] = [
  [listQueue, 22],
  [details, 24],
  [addNote, 16],
  [firstContact, 8],
  [completeTask, 8],
  [overdueTask, 6],
  [incrementCounter, 10],
  [follow, 8],
];

export const pickAction = (rng: Random): Action => {
  const total = MIX.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = rng.next() * total;
  for (const [action, weight] of MIX) {
    roll -= weight;
    if (roll < 0) return action;
  }
  return listQueue;
};

/** Every kind of action once per round, for the baseline of each route alone. */
export const EVERY_ACTION: readonly Action[] = MIX.map(([action]) => action);

/** The intake route as the figures name it; a burst's leads are all timed under it. */
export const INTAKE_ROUTE = "POST /api/intake/{formKey}";
/** A lead posted alone, one after another: shown beside the bursts, not compared. */
export const INTAKE_ONE_ROUTE = "POST /api/intake/{formKey}, one lead at a time";

/**
 * One lead as a web form posts it (X-Dealflow-Key); `externalId` repeated on purpose makes the
 * same lead arrive twice. 429s are counted, not retried here: the form's budget ran out.
 */
export const postLead = async (
  world: SoakWorld,
  ledger: Ledger,
  form: IntakeForm,
  externalId: string,
  route = INTAKE_ROUTE,
): Promise<SoakAnswer> => {
  const entry = ledger.leads.get(externalId) ?? {
    opportunityIds: new Set<string>(),
    created: 0,
    posts: 0,
  };
  ledger.leads.set(externalId, entry);
  entry.posts += 1;
  const answer = await send(world, route, `${world.url()}/api/intake/${form.key}`, {
    method: "POST",
    headers: { "content-type": "application/json", "X-Dealflow-Key": form.secret },
    body: JSON.stringify({
      name: `Lead ${externalId}`,
      email: `${externalId}@example.com`,
      externalId,
      message: "Soak lead",
    }),
  });
  if (answer.status === 0 || answer.status >= 500) ledger.retry.add(externalId);
  else if (ledger.retry.delete(externalId) && ok(answer)) ledger.recovered += 1;
  if (ok(answer)) {
    const body = answer.body as { opportunityId: string; created: boolean };
    entry.opportunityIds.add(body.opportunityId);
    if (body.created) entry.created += 1;
  }
  return answer;
};

/**
 * A burst on one form: new leads, some external ids posted before (a form sending a lead
 * again), and first those that failed (a form's retry after no answer or a 5xx).
 */
export const intakeBurst = async (world: SoakWorld, ledger: Ledger, rng: Random, size: number) => {
  const form = rng.pick(world.forms);
  if (!form) return;
  const known = [...ledger.leads.keys()];
  const retried = [...ledger.retry].slice(0, Math.ceil(size / 2));
  const ids = [
    ...retried,
    ...Array.from({ length: size - retried.length }, () =>
      known.length > 0 && rng.next() < 0.2 ? (rng.pick(known) ?? unique()) : `soak-${unique()}`,
    ),
  ];
  await Promise.all(ids.map((id) => postLead(world, ledger, form, id)));
};
