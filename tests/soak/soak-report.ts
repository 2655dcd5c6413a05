import { type BenchResult, fixed, percentile } from "../bench/bench-kit.js";
import type { SoakRun } from "./run-soak.js";
import { INTAKE_ONE_ROUTE, INTAKE_ROUTE } from "./soak-actions.js";
import type { SoakCall } from "./soak-client.js";

const percentileOf = (values: readonly number[], p: number) =>
  percentile(
    [...values].sort((a, b) => a - b),
    p,
  );
const p95Of = (values: readonly number[]) => percentileOf(values, 95);
const p95 = (calls: readonly SoakCall[]) => p95Of(calls.map((call) => call.ms));

/** Fewer calls than this and a p95 is about the largest one: shown, not judged. */
export const MIN_JUDGED_CALLS = 20;

/** Invariant breaches of a run, by name; empty when every invariant held. */
export const breaches = (run: SoakRun): string[] => {
  const { invariants } = run;
  const allowed503 = run.options.crash === "azurite";
  const found: string[] = [];
  // Only a crash may repeat a card (between the connector's answer and the dlv|sent write).
  if (run.options.crash === "none" && invariants.unrecordedCards > 0)
    found.push(`unrecordedCards: ${invariants.unrecordedCards}`);
  for (const [name, value] of Object.entries(invariants)) {
    if (Array.isArray(value) && value.length > 0)
      found.push(`${name}: ${value.slice(0, 5).join(", ")}`);
  }
  for (const name of ["undelivered", "deadLetters", "recordedWithoutCard"] as const) {
    if (invariants[name] > 0) found.push(`${name}: ${invariants[name]}`);
  }
  for (const [status, count] of Object.entries(invariants.serverErrors)) {
    if (!(allowed503 && status === "503")) found.push(`HTTP ${status}: ${count}`);
  }
  return found;
};

const routesOf = (run: SoakRun) =>
  [...new Set(run.baseline.map((call) => call.route))].filter(
    (r) => r !== "setup" && r !== INTAKE_ONE_ROUTE,
  );
const answered = (calls: readonly SoakCall[], route: string) =>
  calls.filter((call) => call.route === route && call.status > 0);
const judged = (alone: readonly SoakCall[], loaded: readonly SoakCall[]) =>
  alone.length >= MIN_JUDGED_CALLS && loaded.length >= MIN_JUDGED_CALLS;
const ratioCell = (ratio: number, counted: boolean) =>
  !Number.isFinite(ratio) ? "—" : counted ? fixed(ratio) : `(${fixed(ratio)})`;

/**
 * p95 of each route alone against the same route under the mix, and the ratio; then alone
 * again after the mix (on the rows it left), and the mix's p95 against that.
 */
export const routeRows = (run: SoakRun) =>
  routesOf(run).map((route) => {
    const alone = answered(run.baseline, route);
    const loaded = answered(run.mix, route);
    const after = answered(run.after, route);
    return [
      route,
      alone.length,
      fixed(p95(alone), 1),
      loaded.length,
      fixed(p95(loaded), 1),
      ratioCell(p95(loaded) / p95(alone), judged(alone, loaded)),
      after.length === 0 ? "—" : fixed(p95(after), 1),
      ratioCell(p95(loaded) / p95(after), judged(after, loaded)),
    ];
  });

/** Calls whose answer carried the host's Server-Timing. */
const timedCalls = (calls: readonly SoakCall[]) =>
  calls.filter(
    (call): call is SoakCall & { server: NonNullable<SoakCall["server"]> } =>
      call.server !== undefined,
  );
const waited = (calls: readonly SoakCall[]) => timedCalls(calls).map((call) => call.server.io);
/** What is not waiting on tables or queues: our code, the event loop and HTTP on loopback. */
const rest = (calls: readonly SoakCall[]) =>
  timedCalls(calls).map((call) => Math.max(0, call.ms - call.server.io));
const perCall = (calls: readonly SoakCall[]) => {
  const timed = timedCalls(calls);
  const mean = (pick: (call: (typeof timed)[number]) => number) =>
    timed.reduce((sum, call) => sum + pick(call), 0) / timed.length;
  return `${fixed(
    mean((c) => c.server.storageCalls),
    1,
  )} + ${fixed(
    mean((c) => c.server.queueSends),
    1,
  )}`;
};

/**
 * Where each route's time goes (the host's Server-Timing): p95 of the time waiting on tables
 * and queues, and of the rest, alone and under the mix, and the ratio of the rest.
 */
export const timeRows = (run: SoakRun) =>
  routesOf(run).map((route) => {
    const alone = answered(run.baseline, route);
    const loaded = answered(run.mix, route);
    const ratio = p95Of(rest(loaded)) / p95Of(rest(alone));
    return [
      route,
      perCall(loaded),
      fixed(p95Of(waited(alone)), 1),
      fixed(p95Of(waited(loaded)), 1),
      fixed(p95Of(rest(alone)), 1),
      fixed(p95Of(rest(loaded)), 1),
      ratioCell(ratio, judged(alone, loaded)),
    ];
  });

/** Answers 4xx under the mix, by route and status: expected ones (412, 429) and any other. */
const clientErrors = (calls: readonly SoakCall[]) => {
  const counts = new Map<string, number>();
  for (const call of calls) {
    if (call.status < 400 || call.status >= 500) continue;
    const key = `${call.route} ${call.status}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${n} × ${key}`).join("; ") || "none";
};

/** The share of all request time spent waiting on tables and queues. */
const waitingShare = (calls: readonly SoakCall[]) => {
  const timed = timedCalls(calls);
  const total = timed.reduce((sum, call) => sum + call.ms, 0);
  const io = timed.reduce((sum, call) => sum + call.server.io, 0);
  const queue = timed.reduce((sum, call) => sum + call.server.queue, 0);
  return { io: (100 * io) / total, queue: (100 * queue) / total };
};

const percentOfCore = (share: number | null) =>
  share === null ? "n/a" : `${fixed(100 * share, 0)} %`;

/** How busy the storage emulator and the host were in each phase (CPU time over wall time). */
const busyNote = (run: SoakRun) =>
  `Azurite's table process, which answers every table call on one thread, used ${percentOfCore(run.busy.alone.table)} of a core while the routes ran alone and ${percentOfCore(run.busy.mix.table)} under the mix; its queue process (a service of its own, as in Azure) ${percentOfCore(run.busy.alone.queue)} and ${percentOfCore(run.busy.mix.queue)}; the host's process ${percentOfCore(run.busy.alone.host)} and ${percentOfCore(run.busy.mix.host)} (CPU time over wall time, from /proc; the host also delivers the cards).`;

/** Azurite's own answer time in each phase, set against each other: what the emulator adds. */
const probeNote = (run: SoakRun) => {
  const { alone, mix, after } = run.probe;
  if (alone.length === 0 || mix.length === 0) return "";
  const [before, under] = [p95Of(alone), p95Of(mix)];
  const median = (values: readonly number[]) => percentileOf(values, 50);
  const again =
    after.length === 0
      ? ""
      : `, and ${fixed(median(after), 1)} and ${fixed(p95Of(after), 1)} ms alone after the mix (${after.length} reads)`;
  return ` Azurite's own answer, with nothing of ours in it (a point read of a one-row scratch table every 250 ms: ${alone.length} reads alone, ${mix.length} under the mix), took ${fixed(median(alone), 1)} ms at the median and ${fixed(before, 1)} ms at p95 alone, ${fixed(median(mix), 1)} and ${fixed(under, 1)} ms under the mix (p95 ratio ${fixed(under / before)})${again}: the wait any one table call meets behind the others on Azurite's one thread, where a route makes several in a row. On disk, Azurite also writes its whole database to its files every 5 s on that thread (LokiJS autosave): a pause that grows with the data, which Table Storage does not have.`;
};

const judgedWorst = (rows: readonly (string | number)[][], column: number) => {
  const ratios = rows.map((row) => Number(row[column])).filter(Number.isFinite);
  return ratios.length === 0 ? Number.NaN : Math.max(...ratios);
};

const markdownTable = (headers: readonly string[], rows: readonly (string | number)[][]) =>
  [
    `| ${headers.join(" | ")} |`,
    `| ${headers.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");

const count = (value: unknown) => (Array.isArray(value) ? value.length : String(value));

const INVARIANT_ROWS: [string, (run: SoakRun) => string | number][] = [
  ["leads acknowledged (external ids answered 2xx)", (r) => r.invariants.leadsAcknowledged],
  ["… not exactly one opportunity", (r) => count(r.invariants.leadsNotExactlyOne)],
  ["unacknowledged leads stored twice", (r) => count(r.invariants.unacknowledgedDuplicated)],
  ["opportunities checked", (r) => r.invariants.opportunities],
  [
    "partial opportunities (index rows missing or stale)",
    (r) => count(r.invariants.partialOpportunities),
  ],
  ["index rows without their opportunity", (r) => count(r.invariants.orphanIndexRows)],
  ["notifications (outbox rows)", (r) => r.invariants.notifications],
  [
    "… undelivered after the drain / dead-lettered",
    (r) => `${r.invariants.undelivered} / ${r.invariants.deadLetters}`,
  ],
  ["cards recorded (`dlv\\|sent` rows to a chat)", (r) => r.invariants.cardsRecorded],
  ["… recorded without the connector accepting it", (r) => r.invariants.recordedWithoutCard],
  ["cards accepted but not recorded (repeats)", (r) => r.invariants.unrecordedCards],
  ["due reminders acknowledged", (r) => r.invariants.remindersAcknowledged],
  [
    "… with no card / with more than one",
    (r) => `${count(r.invariants.remindersMissing)} / ${count(r.invariants.remindersRepeated)}`,
  ],
  ["notes acknowledged", (r) => r.invariants.notesAcknowledged],
  [
    "… lost / stored twice",
    (r) => `${count(r.invariants.notesLost)} / ${count(r.invariants.notesDuplicated)}`,
  ],
  [
    "If-Match increments acknowledged / answered 412",
    (r) => `${r.invariants.incrementsAcknowledged} / ${r.invariants.conflicts412}`,
  ],
  [
    "… lost updates / applied twice",
    (r) => `${count(r.invariants.lostUpdates)} / ${count(r.invariants.phantomUpdates)}`,
  ],
  [
    "responses ≥ 500",
    (r) =>
      Object.entries(r.invariants.serverErrors)
        .map(([s, n]) => `${n} × ${s}`)
        .join(", ") || 0,
  ],
  [
    "requests without an answer (host down)",
    (r) => r.mix.filter((call) => call.status === 0).length,
  ],
  ["leads answered 2xx only when posted again after no answer or a 5xx", (r) => r.leadsRecovered],
  [
    "SLA sweeps run (fired) / failed",
    (r) => `${r.sweeps.runs} (${r.sweeps.fired}) / ${r.sweeps.failed}`,
  ],
  ["connector calls / 429s", (r) => `${r.connector.calls} / ${r.connector.throttled}`],
  [
    "drained after the mix in",
    (r) => (r.drainedInSeconds === null ? "not drained" : `${fixed(r.drainedInSeconds, 0)} s`),
  ],
];

const CRASH_NAMES = { none: "no fault", host: "host SIGKILLed", azurite: "Azurite restarted" };

/** The soak's section of docs/benchmarks.md. */
export const soakResult = (runs: readonly SoakRun[], tookSeconds: number): BenchResult => {
  const main = runs.find((run) => run.options.crash === "none") ?? runs[0];
  if (!main) throw new Error("no soak run");
  const accepted = main.leadsCreated / main.mixSeconds;
  const flood = main.floodLeadsPerSecond ?? Number.NaN;
  const tooMany = main.mix.filter(
    (call) => call.route === INTAKE_ROUTE && call.status === 429,
  ).length;
  const inserts = main.azuriteInsertsPerSecond ?? Number.NaN;
  const routes = routeRows(main);
  const worst = judgedWorst(routes, 5);
  const worstAfter = judgedWorst(routes, 7);
  const oneLead = answered(main.baseline, INTAKE_ONE_ROUTE);
  const times = timeRows(main);
  const worstRest = judgedWorst(times, 6);
  const aloneShare = waitingShare(main.baseline);
  const mixShare = waitingShare(main.mix);
  const people = 3 * main.options.clientsPerUser;
  return {
    title: "Soak: a day's mix, and through a crash",
    description: `\`npm run soak\` (${fixed(tookSeconds, 0)} s): the local host as \`npm start\` runs it, in its own process, on an Azurite on disk, with a stand-in Bot Connector enforcing Teams' limits (7/s per chat, 50/s per tenant). ${people} clients of the demo tenant's two sellers and manager (seed ${main.options.seed}) list their queues, open details, add notes, record first contacts, complete tasks, create overdue tasks, follow, and increment counters with If-Match; web forms post leads in bursts on 6 forms (a fifth of them external ids posted before); the SLA sweep runs every 2 s and the host delivers. Each route is first timed alone (${main.options.baselineRounds} rounds of every action one after the other; the If-Match increment is two at once on one counter, so its GET and PATCH run in pairs; intake as ${Math.ceil(main.options.baselineRounds / 4)} bursts of 4–15 leads posted at once on one form, as the forms post them in the mix), then under the mix (${fixed(main.mixSeconds, 0)} s), then alone again the same way once the mix's cards were delivered. The mix offered ${fixed(main.mix.length / main.mixSeconds, 0)} API and intake requests a second (each client waits ${main.options.thinkMs[0]}–${main.options.thinkMs[1]} ms between actions). p95 in ms.`,
    headers: [
      "route",
      "calls alone",
      "p95 alone",
      "calls under the mix",
      "p95 under the mix",
      "ratio",
      "p95 alone after the mix",
      "ratio to it",
    ],
    rows: routes,
    notes: [
      `Goal: every ratio ≤ 2: ${worst <= 2 ? "met" : `not met (worst ${fixed(worst)})`} in this run; against the routes alone after the mix, ${worstAfter <= 2 ? "met" : `not met (worst ${fixed(worstAfter)})`}. The mix adds its leads (and their rows) to the tables, and Azurite scans a whole table on every call, so the routes are timed alone twice: before the mix, on fewer rows than the mix meets, and again once its cards were delivered, on all the rows it left (a few more than it met on average). A ratio in brackets has fewer than ${MIN_JUDGED_CALLS} calls on a side: its p95 is about its largest call, so it is shown, not judged. Intake compares bursts with bursts: a lead posted alone, one after another, took ${fixed(p95(oneLead), 1)} ms at p95 (${oneLead.length} leads), and the leads of a burst queue behind one another with or without the mix. Answers 4xx under the mix (counted above; 412 is the If-Match increment that lost its race): ${clientErrors(main.mix)}.`,
      [
        `Where the time goes: every answer carries the host's \`Server-Timing\` (docs/api.md), the time with a table call or a queue send in flight. Waiting on them is ${fixed(aloneShare.io, 0)} % of all request time alone and ${fixed(mixShare.io, 0)} % under the mix (queue sends alone: ${fixed(aloneShare.queue, 0)} % and ${fixed(mixShare.queue, 0)} %). The rest (our code, the event loop, HTTP on loopback) keeps every judged ratio ≤ 2: ${worstRest <= 2 ? "yes" : `no (worst ${fixed(worstRest)})`}. Intake's rest also holds each lead's wait for its form's round-robin write, which the leads of a burst share (one conditional write deals a seller to every lead waiting; its time counts in the request that made it). ${busyNote(main)}${probeNote(main)} Calls per request: table calls + queue sends, under the mix.`,
        "",
        markdownTable(
          [
            "route",
            "calls per request",
            "p95 waiting alone",
            "under the mix",
            "p95 the rest alone",
            "under the mix",
            "ratio of the rest",
          ],
          times,
        ),
      ].join("\n"),
      `Intake: new leads posted flat out after the mix (8 at a time, on 16 forms of their own, ${main.options.floodSeconds} s) were accepted at ${fixed(flood, 1)}/s, against Azurite's single-insert rate measured in the same run (${main.options.insertSeconds} s of one upsert after another into a scratch table): ${fixed(inserts, 0)}/s, so ${fixed((100 * flood) / inserts, 1)} % of it; each lead is one entity-group transaction (the opportunity, its index rows, contact, first-contact task, note, timeline and outbox rows) after its external-id and form reads, plus its deadline hints and a queue message. During the mix the forms' bursts had ${main.leadsCreated} new leads accepted in ${fixed(main.mixSeconds, 0)} s (${fixed(accepted, 1)}/s) and ${tooMany} answered 429 by the forms' own limit (60 a minute each, bursts of 60).`,
      [
        "Invariants at the end (after the sweep and the delivery drained), per run; the crash runs count only what the client was answered 2xx as acknowledged. A card accepted by the connector just before a crash, whose `dlv|sent` row was never written, is sent again after the restart (docs/bot.md, *Idempotency*): such repeats are counted, not hidden. In the Azurite run, 503 with Retry-After is the answer SPEC §8 asks for while storage is away.",
        "",
        [
          `| invariant | ${runs.map((run) => CRASH_NAMES[run.options.crash]).join(" | ")} |`,
          `| --- | ${runs.map(() => "---").join(" | ")} |`,
          ...INVARIANT_ROWS.map(
            ([name, value]) => `| ${name} | ${runs.map((run) => value(run)).join(" | ")} |`,
          ),
          `| fault at / down for | ${runs.map((run) => (run.crash ? `${fixed(run.crash.at, 0)} s / ${fixed(run.crash.downSeconds, 1)} s` : "—")).join(" | ")} |`,
        ].join("\n"),
      ].join("\n"),
    ],
  };
};
