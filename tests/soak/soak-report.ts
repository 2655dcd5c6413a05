import { type BenchResult, fixed, percentile } from "../bench/bench-kit.js";
import type { SoakRun } from "./run-soak.js";
import type { SoakCall } from "./soak-client.js";

const p95 = (calls: readonly SoakCall[]) =>
  percentile(
    calls.map((call) => call.ms).sort((a, b) => a - b),
    95,
  );

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

/** p95 of each route alone against the same route under the mix, and the ratio. */
export const routeRows = (run: SoakRun) => {
  const routes = [...new Set(run.baseline.map((call) => call.route))].filter((r) => r !== "setup");
  return routes.map((route) => {
    const alone = run.baseline.filter((call) => call.route === route && call.status > 0);
    const loaded = run.mix.filter((call) => call.route === route && call.status > 0);
    const ratio = p95(loaded) / p95(alone);
    return [
      route,
      alone.length,
      fixed(p95(alone), 1),
      loaded.length,
      fixed(p95(loaded), 1),
      Number.isFinite(ratio) ? fixed(ratio) : "—",
    ];
  });
};

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
    (call) => call.route === "POST /api/intake/{formKey}" && call.status === 429,
  ).length;
  const inserts = main.azuriteInsertsPerSecond ?? Number.NaN;
  const ratios = routeRows(main)
    .map((row) => Number(row[5]))
    .filter(Number.isFinite);
  const worst = Math.max(...ratios);
  const people = 3 * main.options.clientsPerUser;
  return {
    title: "Soak: a day's mix, and through a crash",
    description: `\`npm run soak\` (${fixed(tookSeconds, 0)} s): the local host as \`npm start\` runs it, in its own process, on an Azurite on disk, with a stand-in Bot Connector enforcing Teams' limits (7/s per chat, 50/s per tenant). ${people} clients of the demo tenant's two sellers and manager (seed ${main.options.seed}) list their queues, open details, add notes, record first contacts, complete tasks, create overdue tasks, follow, and increment counters with If-Match; web forms post leads in bursts on 6 forms (a fifth of them external ids posted before); the SLA sweep runs every 2 s and the host delivers. Each route is first timed alone (${main.options.baselineRounds} rounds of every action one after the other; the If-Match increment is two at once on one counter, so its GET and PATCH run in pairs), then under the mix (${fixed(main.mixSeconds, 0)} s). The mix offered ${fixed(main.mix.length / main.mixSeconds, 0)} API and intake requests a second (each client waits ${main.options.thinkMs[0]}–${main.options.thinkMs[1]} ms between actions). p95 in ms.`,
    headers: [
      "route",
      "calls alone",
      "p95 alone",
      "calls under the mix",
      "p95 under the mix",
      "ratio",
    ],
    rows: routeRows(main),
    notes: [
      `Goal: every ratio ≤ 2: ${worst <= 2 ? "met" : `not met (worst ${fixed(worst)})`} in this run.`,
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
