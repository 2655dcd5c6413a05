import { randomUUID } from "node:crypto";
import { createOpportunity, defaultSettings } from "@dealflow/core";
import { startBenchApiHost } from "./api-host.js";
import { benchContext } from "./bench-data.js";
import {
  type BenchCase,
  type BenchStore,
  fixed,
  percentile,
  timedMs as timed,
} from "./bench-kit.js";

const OWNED = 20;
const TEAMS = 3;
const WARMUP = 20;
const ROUNDS = 20;
const PAIRS_PER_ROUND = 40;
/** The goal: a user of a tenant with teams pays at most this much more per request. */
const GOAL = 1.3;

/**
 * The tenants compared with one without teams: the bot in teams but no pipeline shared with
 * one (most tenants: their users' teams are not read), and one sharing its pipeline with a
 * team (read on every request, so a removal takes effect at once).
 */
type Tenancy = "none" | "installed" | "shared";

const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);
const at = (values: readonly number[], p: number) => percentile(sorted(values), p);

/** A seller who owns OWNED opportunities; with teams, on the roster of TEAMS teams. */
const arrangeSeller = async (store: BenchStore, tenancy: Tenancy) => {
  const tenantId = randomUUID();
  const userId = randomUUID();
  const now = new Date("2026-03-02T09:00:00.000Z");
  const groups = Array.from({ length: TEAMS }, () => randomUUID());
  if (tenancy === "shared") {
    const settings = defaultSettings();
    const pipelines = settings.pipelines.map((pipeline, i) =>
      i === 0 ? { ...pipeline, visibility: "team" as const, teamId: groups[0] ?? null } : pipeline,
    );
    await store.commit(tenantId, {
      changes: [{ entity: "settings", before: null, after: { ...settings, pipelines } }],
      schedule: [],
      cancel: [],
    });
  }
  for (let i = 0; i < OWNED; i++) {
    const receivedAt = new Date(now.getTime() - i * 60_000);
    const created = createOpportunity(
      {
        contact: { name: `Lead ${i}`, email: `lead${i}@example.com` },
        source: "web-form",
        campaign: null,
        ownerId: userId,
        receivedAt,
        origin: "intake",
      },
      benchContext(tenantId, receivedAt),
    );
    await store.commit(tenantId, created);
  }
  if (tenancy !== "none") {
    for (let t = 0; t < TEAMS; t++) {
      const aadGroupId = groups[t] ?? randomUUID();
      await store.teams.installTeam({
        tenantId,
        aadGroupId,
        name: `Team ${t}`,
        teamsTeamId: `19:team-${t}@thread.tacv2`,
        serviceUrl: "http://127.0.0.1:1/",
        installedAt: now.toISOString(),
        updatedAt: now.toISOString(),
      });
      const roster = [userId, ...Array.from({ length: 9 }, () => randomUUID())].map((id) => ({
        userId: id,
        name: null,
        email: null,
      }));
      await store.teams.replaceRoster(tenantId, aadGroupId, roster, now);
    }
  }
  return { tenantId, userId };
};

/**
 * SPEC §7 reads a user's teams on every request (their `uteam|` rows, beside the principal
 * cache), so that a removal in Teams takes effect at once; a tenant without an installed team
 * skips that read. This measures what the read costs a user of a tenant with teams: the same
 * request of a seller in each tenant, on one host and one table, alternating, in rounds.
 */
export const apiTeamsMembership: BenchCase = {
  name: "api-teams-membership",
  async run(ctx) {
    const store = await ctx.newStore();
    ctx.log("arranging tenants with teams (shared with a pipeline or not) and one without");
    const tenants = {
      installed: await arrangeSeller(store, "installed"),
      shared: await arrangeSeller(store, "shared"),
    };
    const without = await arrangeSeller(store, "none");
    const host = await startBenchApiHost(store);
    try {
      const paths = [
        { label: "`GET /api/me`", path: "/api/me", items: null },
        {
          label: "`GET /api/opportunities?view=mine` (20 owned)",
          path: "/api/opportunities?view=mine",
          items: OWNED,
        },
      ];
      const requests = (["installed", "shared"] as const).flatMap((tenancy) =>
        paths.map((request) => ({
          ...request,
          tenancy,
          label: `${request.label}, ${tenancy === "shared" ? "a pipeline shared with a team" : "no pipeline shared"}`,
        })),
      );
      const rows: (string | number)[][] = [];
      const verdicts: string[] = [];
      for (const request of requests) {
        const caller = async (seller: { tenantId: string; userId: string }) => {
          const token = await host.tokenFor(seller);
          const url = `${host.url}${request.path}`;
          return async () => {
            const response = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
            const body = (await response.json()) as { items?: unknown[]; teamIds?: unknown };
            if (
              response.status !== 200 ||
              (request.items !== null && body.items?.length !== OWNED)
            ) {
              throw new Error(
                `${request.path} answered ${response.status}: ${JSON.stringify(body)}`,
              );
            }
          };
        };
        const subject = await caller(tenants[request.tenancy]);
        const baseline = await caller(without);
        ctx.log(`measuring ${request.path}`);
        for (let i = 0; i < WARMUP; i++) {
          await subject();
          await baseline();
        }
        const all = { subject: [] as number[], baseline: [] as number[] };
        const roundRatios: number[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          const times = { subject: [] as number[], baseline: [] as number[] };
          for (let i = 0; i < PAIRS_PER_ROUND; i++) {
            // Alternate which goes first, so neither always follows the other's GC or cache work.
            if ((round + i) % 2 === 0) {
              times.subject.push(await timed(subject));
              times.baseline.push(await timed(baseline));
            } else {
              times.baseline.push(await timed(baseline));
              times.subject.push(await timed(subject));
            }
          }
          roundRatios.push(at(times.subject, 50) / at(times.baseline, 50));
          all.subject.push(...times.subject);
          all.baseline.push(...times.baseline);
        }
        const ratio = at(roundRatios, 50);
        const spread = `${fixed(sorted(roundRatios)[0] ?? Number.NaN)}–${fixed(sorted(roundRatios).at(-1) ?? Number.NaN)}`;
        const met = ratio <= GOAL;
        verdicts.push(`${request.path} (${request.tenancy}): ${met ? "met" : "not met"}`);
        rows.push([
          request.label,
          fixed(at(all.subject, 50)),
          fixed(at(all.baseline, 50)),
          fixed(ratio),
          spread,
          fixed(at(all.subject, 95) / at(all.baseline, 95)),
          met ? "met" : "**not met**",
        ]);
      }
      return {
        title: "API: a request of a user whose tenant has teams",
        description: `The same request as a seller of a tenant where the bot is installed in ${TEAMS} teams (the seller on each roster) and as a seller of a tenant without teams, on one local host and one table, bearer token and all. A user's teams are read on every request only in a tenant that shares a pipeline with a team (so a removal in Teams takes effect at once, SPEC §7); elsewhere the read is skipped (the tenant's settings, cached 30 s, say no pipeline needs teams). Both kinds of tenant with teams are measured. ${ROUNDS} rounds of ${PAIRS_PER_ROUND} alternating pairs after ${WARMUP} warm-up pairs; the ratio is the median of the rounds' p50 ratios (one round's noise cannot flip it), with the rounds' range beside it. Goal: ≤ ${GOAL}×.`,
        headers: [
          "request",
          "with teams p50 (ms)",
          "without p50 (ms)",
          "ratio (median of rounds)",
          "rounds' range",
          "p95 ratio",
          `goal ≤ ${GOAL}×`,
        ],
        rows,
        notes: [
          "What differs: in the tenant sharing a pipeline with a team, each request reads the user's `uteam|` rows (one range read of 3 rows) beside the cached principal, so it waits for one storage round trip the others do not make: that is the price of a removal taking effect on the member's next request. The tenant with teams but no shared pipeline reads nothing more than the one without. On Azurite a range read scans the table, as its point reads do; on Azure it is an indexed range of a few rows.",
          `Verdict: ${verdicts.join("; ")}.`,
        ],
      };
    } finally {
      await host.close();
    }
  },
};
