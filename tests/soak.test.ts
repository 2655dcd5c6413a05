import { beforeAll, describe, expect, it } from "vitest";
import { runSoak, type SoakOptions } from "./soak/run-soak.js";
import { buildHost } from "./soak/soak-processes.js";
import { breaches } from "./soak/soak-report.js";

// The short version of `npm run soak` (issue 23 items 1 and 2): the same mix, processes and
// invariant checks, for a few seconds. No timing is asserted; the figures are the soak's.
const SHORT: SoakOptions = {
  seconds: 12,
  seed: 7,
  clientsPerUser: 1,
  thinkMs: [100, 500],
  crash: "none",
  baselineRounds: 0,
  insertSeconds: 0,
  floodSeconds: 0,
  outageSeconds: 2,
  drainSeconds: 240,
};

beforeAll(() => buildHost(), 300_000);

describe("the soak, short", () => {
  it("keeps every invariant through a day's mix: one opportunity per lead, one card per delivery, nothing lost", async () => {
    const run = await runSoak(SHORT);

    expect(breaches(run)).toEqual([]);
    expect(run.invariants.leadsAcknowledged).toBeGreaterThan(0);
    expect(run.invariants.cardsRecorded).toBeGreaterThan(0);
    expect(
      run.invariants.notesAcknowledged + run.invariants.incrementsAcknowledged,
    ).toBeGreaterThan(0);
    // Azurite's own answer time was sampled under the mix, about every 250 ms (the short run
    // times no route alone, so that phase has next to no samples).
    expect(run.probe.mix.length).toBeGreaterThan(SHORT.seconds);
    for (const ms of run.probe.mix) expect(ms).toBeGreaterThan(0);
    // The report's busy shares come from /proc: measured here, a share of a core each.
    if (process.platform === "linux") {
      for (const share of [run.busy.mix.table, run.busy.mix.queue, run.busy.mix.host]) {
        expect(share).toBeGreaterThan(0);
        expect(share).toBeLessThan(1.5);
      }
    }
  }, 400_000);

  it("keeps them for everything acknowledged when the host is SIGKILLed half-way and restarted", async () => {
    const run = await runSoak({ ...SHORT, seed: 8, crash: "host" });

    expect(run.crash).not.toBeNull();
    expect(breaches(run)).toEqual([]);
    expect(run.invariants.leadsAcknowledged).toBeGreaterThan(0);
  }, 400_000);
});
