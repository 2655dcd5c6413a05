import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { sweepOnce } from "../../functions/src/sla/sweep-once.js";
import { readAllPages } from "../../functions/src/storage/paging.js";
import { createStore } from "../../functions/src/storage/store.js";
import { createTableStorage } from "../../functions/src/storage/table-storage.js";
import { freePort } from "../../host/src/azurite/azurite.js";
import { startFakeConnector } from "../support/fake-connector.js";
import {
  EVERY_ACTION,
  INTAKE_ONE_ROUTE,
  intakeBurst,
  type Ledger,
  newLedger,
  pickAction,
  postLead,
} from "./soak-actions.js";
import { createCallLog, type SoakCall, seededRandom } from "./soak-client.js";
import { checkInvariants, type SoakInvariants } from "./soak-invariants.js";
import { cpuSecondsOf, spawnHost, startSoakAzurite } from "./soak-processes.js";
import { arrangeWorld, type SoakWorld } from "./soak-setup.js";

/** Teams' limits for one bot: 7 per second per conversation, 50 per second per tenant. */
export const TEAMS_LIMITS = { perConversation: 7, perTenant: 50, retryAfter: 1 };

export type SoakOptions = {
  /** How long the mix runs. */
  seconds: number;
  seed: number;
  /** Concurrent clients per demo user (each a tab open doing its day). */
  clientsPerUser: number;
  /** A client's pause between two actions, drawn between these (ms). */
  thinkMs: [number, number];
  /** What happens half-way through the mix. */
  crash: "none" | "host" | "azurite";
  /** Sequential calls per route alone, before the mix and again after it (0: no baseline). */
  baselineRounds: number;
  /** Single inserts timed into a scratch table (0: not measured). */
  insertSeconds: number;
  /** After the mix: new leads posted flat out (8 at a time) on forms of their own (0: none). */
  floodSeconds: number;
  /** How long the host or Azurite stays down in a fault run. */
  outageSeconds: number;
  /** Longest wait for the sweep and the delivery to finish after the mix. */
  drainSeconds: number;
  log?: (message: string) => void;
};

export type SoakRun = {
  options: SoakOptions;
  baseline: SoakCall[];
  mix: SoakCall[];
  /**
   * The same routes alone again once the mix drained, on the rows the mix left (Azurite scans a
   * whole table on every call, so its times grow with the data); empty without a baseline.
   */
  after: SoakCall[];
  mixSeconds: number;
  leadsCreated: number;
  /** Leads answered 201 per second while posted flat out, null without a flood. */
  floodLeadsPerSecond: number | null;
  /** Leads answered 2xx only when posted again after no answer or a 5xx. */
  leadsRecovered: number;
  azuriteInsertsPerSecond: number | null;
  sweeps: { runs: number; fired: number; failed: number };
  drainedInSeconds: number | null;
  connector: { calls: number; throttled: number };
  /** Share of one core each process used while routes ran alone and under the mix; null where unknown. */
  busy: { alone: Busy; mix: Busy };
  /** Azurite's own answer times (ms) while routes ran alone and under the mix: see `probeAzurite`. */
  probe: { alone: number[]; mix: number[]; after: number[] };
  crash: { at: number; downSeconds: number } | null;
  invariants: SoakInvariants;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** CPU time over wall time (1 = one core busy throughout) of Azurite's two and the host's process. */
export type Busy = { table: number | null; queue: number | null; host: number | null };
type CpuSample = Busy & { at: number; pids: string };

const busyBetween = (from: CpuSample, to: CpuSample): Busy => {
  const wall = (to.at - from.at) / 1000;
  // A process restarted in between (a fault run) is another process: its time is not comparable.
  const share = (a: number | null, b: number | null) =>
    a === null || b === null || from.pids !== to.pids || wall <= 0 ? null : (b - a) / wall;
  return {
    table: share(from.table, to.table),
    queue: share(from.queue, to.queue),
    host: share(from.host, to.host),
  };
};

/** A table of its own, next to the product's, for timing Azurite with none of our code. */
const scratchTable = async (connectionString: string) => {
  const storage = createTableStorage({
    connectionString,
    tablePrefix: `s${randomUUID().replace(/-/g, "").slice(0, 10)}`,
  });
  await storage.ensureTables();
  return storage.table("tenantData");
};

/** Single upserts, one after the other, into a scratch table: Azurite's own rate. */
const measureInserts = async (connectionString: string, seconds: number) => {
  const table = await scratchTable(connectionString);
  const end = Date.now() + seconds * 1000;
  const start = Date.now();
  let count = 0;
  while (Date.now() < end) {
    await table.upsertEntity({ partitionKey: "scratch", rowKey: String(count), data: "x" });
    count += 1;
  }
  return count / ((Date.now() - start) / 1000);
};

/** How often the probe reads: a light load next to the mix's hundreds of table calls a second. */
const PROBE_EVERY_MS = 250;

/**
 * Azurite's own answer time, with nothing of ours in it: a point read of the one row of a
 * scratch table, every PROBE_EVERY_MS, until stopped. A small table, so what grows under the
 * mix is the wait for Azurite's one thread, not a scan. `take()` hands over the times so far (ms)
 * and starts afresh; a read that fails (Azurite restarting) is not a time.
 */
const probeAzurite = async (connectionString: string) => {
  const table = await scratchTable(connectionString);
  await table.upsertEntity({ partitionKey: "probe", rowKey: "one", data: "x" });
  let times: number[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const start = performance.now();
      try {
        await table.getEntity("probe", "one");
        times.push(performance.now() - start);
      } catch {
        // Storage away: the fault run's own figures say so.
      }
      await sleep(PROBE_EVERY_MS);
    }
  })();
  return {
    take: () => {
      const taken = times;
      times = [];
      return taken;
    },
    stop: async () => {
      stopped = true;
      await loop;
    },
  };
};

/** New leads, 8 posts at a time, spread over the flood's forms: what intake accepts at most. */
const flood = async (world: SoakWorld, ledger: Ledger, seconds: number) => {
  const start = Date.now();
  const end = start + seconds * 1000;
  let created = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (Date.now() < end) {
        next += 1;
        const form = world.floodForms[next % world.floodForms.length];
        if (!form) return;
        const answer = await postLead(world, ledger, form, `flood-${start}-${next}`);
        if (answer.status === 201) created += 1;
      }
    }),
  );
  return created / ((Date.now() - start) / 1000);
};

/**
 * One soak: Azurite on disk, the host as a child process, the stand-in Bot Connector; the
 * demo tenant's people doing a day's mix through the API, intake bursts, the SLA sweep every
 * two seconds and the host delivering; optionally the host or Azurite stopped half-way.
 * Then it waits for everything queued to be delivered and checks the invariants.
 */
export const runSoak = async (options: SoakOptions): Promise<SoakRun> => {
  const say = options.log ?? (() => undefined);
  const dataDir = await mkdtemp(path.join(tmpdir(), "dealflow-soak-"));
  const azurite = await startSoakAzurite(dataDir);
  const connector = await startFakeConnector({ limits: TEAMS_LIMITS });
  const port = await freePort();
  let host = await spawnHost(azurite.connectionString, port);
  const url = () => host.url;
  const log = createCallLog();
  let probe: Awaited<ReturnType<typeof probeAzurite>> | undefined;
  try {
    const world = await arrangeWorld({
      url,
      log,
      connectorUrl: connector.url,
      forms: 6,
      floodForms: options.floodSeconds > 0 ? 16 : 0,
      counters: 4,
    });
    const ledger = newLedger(world);
    const rng = seededRandom(options.seed);
    const people = [...world.sellers, world.manager];

    const azuriteInsertsPerSecond =
      options.insertSeconds > 0
        ? await measureInserts(azurite.connectionString, options.insertSeconds)
        : null;

    const sampleCpu = async (): Promise<CpuSample> => {
      const pids = azurite.pids();
      return {
        at: performance.now(),
        table: await cpuSecondsOf(pids?.table ?? null),
        queue: await cpuSecondsOf(pids?.queue ?? null),
        host: await cpuSecondsOf(host.pid),
        pids: `${pids?.table}/${pids?.queue}/${host.pid}`,
      };
    };
    const sampler = await probeAzurite(azurite.connectionString);
    probe = sampler;
    /** Every action one after the other with nothing else running: the routes alone. */
    const timeAlone = async (tag: string) => {
      const cpuFrom = await sampleCpu();
      sampler.take();
      const from = log.calls.length;
      for (let round = 0; round < options.baselineRounds; round++) {
        for (const action of EVERY_ACTION) {
          const person = people[round % people.length] ?? world.manager;
          await action(world, ledger, world.clientOf(person.id), rng);
        }
        const form = world.forms[round % world.forms.length];
        if (form)
          await postLead(world, ledger, form, `${tag}-${options.seed}-${round}`, INTAKE_ONE_ROUTE);
      }
      // Intake comes in bursts, under the mix as alone: its own leads queue behind one another
      // either way, so the route alone is the same bursts with nothing else running.
      for (let burst = 0; burst < Math.ceil(options.baselineRounds / 4); burst++) {
        await intakeBurst(world, ledger, rng, 4 + rng.int(12));
        await sleep(300);
      }
      return {
        calls: log.calls.slice(from),
        busy: busyBetween(cpuFrom, await sampleCpu()),
        probed: sampler.take(),
      };
    };
    const { calls: baseline, busy: alone, probed: probedAlone } = await timeAlone("alone");
    say(`baseline: ${baseline.length} calls`);

    const sweeps = { runs: 0, fired: 0, failed: 0 };
    const sweep = async () => {
      try {
        const report = await sweepOnce({
          connectionString: azurite.connectionString,
          leaseSeconds: 120,
        });
        sweeps.runs += 1;
        sweeps.fired += report.fired;
        // A row held for a second look (its record was not there yet) is work still to come.
        return report.fired + report.busy;
      } catch {
        // Storage away (the Azurite restart): the timer retries on its next run.
        sweeps.failed += 1;
        return -1;
      }
    };

    const mixFrom = log.calls.length;
    const mixCpuFrom = await sampleCpu();
    sampler.take();
    const mixStart = Date.now();
    const end = mixStart + options.seconds * 1000;
    const running = () => Date.now() < end;
    const actors: Promise<void>[] = [];
    for (const person of people) {
      for (let i = 0; i < options.clientsPerUser; i++) {
        const own = seededRandom(options.seed * 31 + actors.length);
        const client = world.clientOf(person.id);
        actors.push(
          (async () => {
            while (running()) {
              await pickAction(own)(world, ledger, client, own);
              await sleep(options.thinkMs[0] + own.int(options.thinkMs[1] - options.thinkMs[0]));
            }
          })(),
        );
      }
    }
    actors.push(
      (async () => {
        while (running()) {
          await intakeBurst(world, ledger, rng, 4 + rng.int(12));
          await sleep(1000 + rng.int(2000));
        }
      })(),
      (async () => {
        while (running()) {
          await sweep();
          await sleep(2000);
        }
      })(),
    );
    let crash: SoakRun["crash"] = null;
    if (options.crash !== "none") {
      actors.push(
        (async () => {
          await sleep((options.seconds * 1000) / 2);
          const at = (Date.now() - mixStart) / 1000;
          say(
            `${options.crash === "host" ? "SIGKILL to the host" : "restarting Azurite"} at ${at.toFixed(0)} s`,
          );
          const down = Date.now();
          if (options.crash === "host") {
            await host.kill();
            await sleep(options.outageSeconds * 1000);
            // Its old port, as a restarted process takes; another if something took it meanwhile.
            host = await spawnHost(azurite.connectionString, port).catch(() =>
              spawnHost(azurite.connectionString),
            );
          } else {
            await azurite.restart(options.outageSeconds * 1000);
          }
          crash = { at, downSeconds: (Date.now() - down) / 1000 };
        })(),
      );
    }
    await Promise.all(actors);
    const mixSeconds = (Date.now() - mixStart) / 1000;
    const mixBusy = busyBetween(mixCpuFrom, await sampleCpu());
    const probedMix = sampler.take();
    const mix = log.calls.slice(mixFrom);
    say(`mix: ${mix.length} calls in ${mixSeconds.toFixed(0)} s`);

    const floodLeadsPerSecond =
      options.floodSeconds > 0 ? await flood(world, ledger, options.floodSeconds) : null;
    say("draining");

    const storage = createTableStorage({ connectionString: azurite.connectionString });
    const store = createStore(storage);
    /** Sweeps until nothing is due, no notification waits and the connector went quiet. */
    const drain = async (): Promise<number | null> => {
      const drainStart = Date.now();
      while (Date.now() - drainStart < options.drainSeconds * 1000) {
        const fired = await sweep();
        const pending = (
          await readAllPages((page) => store.listNotifications(world.tenantId, page))
        ).filter((intent) => intent.deliveredAt === null).length;
        const calls = connector.calls.length;
        if (fired === 0 && pending === 0) {
          await sleep(2000);
          if (connector.calls.length === calls) return (Date.now() - drainStart) / 1000;
        }
        await sleep(1000);
      }
      return null;
    };
    const drainedInSeconds = await drain();
    say(drainedInSeconds === null ? "not drained in time" : `drained in ${drainedInSeconds} s`);

    // The routes alone again, on the data the mix left; then their own cards delivered.
    let after: SoakCall[] = [];
    let probedAfter: number[] = [];
    if (options.baselineRounds > 0) {
      ({ calls: after, probed: probedAfter } = await timeAlone("after"));
      say(`alone after the mix: ${after.length} calls`);
      const again = await drain();
      if (again === null) say("not drained in time after the second baseline");
    }
    await sampler.stop();

    const invariants = await checkInvariants({
      storage,
      store,
      tenantId: world.tenantId,
      ledger,
      connectorCalls: connector.calls,
      calls: [...baseline, ...mix, ...after],
    });
    const leadsCreated = mix.filter(
      (call) => call.route === "POST /api/intake/{formKey}" && call.status === 201,
    ).length;
    return {
      options,
      baseline,
      mix,
      after,
      mixSeconds,
      leadsCreated,
      floodLeadsPerSecond,
      leadsRecovered: ledger.recovered,
      azuriteInsertsPerSecond,
      sweeps,
      drainedInSeconds,
      connector: {
        calls: connector.calls.length,
        throttled: connector.throttled(),
      },
      busy: { alone, mix: mixBusy },
      probe: { alone: probedAlone, mix: probedMix, after: probedAfter },
      crash,
      invariants,
    };
  } finally {
    await probe?.stop();
    await host.stop().catch(() => undefined);
    await connector.close();
    await azurite.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
};
