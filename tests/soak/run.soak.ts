import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { benchSection, machineLine, replaceSection } from "../bench/bench-kit.js";
import { runSoak, type SoakRun } from "./run-soak.js";
import { breaches, soakResult } from "./soak-report.js";

// `npm run soak`: the day's mix, then the same with the host SIGKILLed half-way, then with
// Azurite restarted half-way; prints the figures, writes them to docs/benchmarks.md and exits
// non-zero if an invariant broke. Knobs (README): SOAK_SECONDS, SOAK_CRASH_SECONDS, SOAK_SEED,
// SOAK_CLIENTS, SOAK_RUNS.
const numberOf = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? "");
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const main = async () => {
  const startedAt = new Date();
  const seed = numberOf("SOAK_SEED", 23);
  const clientsPerUser = numberOf("SOAK_CLIENTS", 2);
  const kinds = (process.env.SOAK_RUNS ?? "none,host,azurite")
    .split(",")
    .filter((kind): kind is "none" | "host" | "azurite" =>
      ["none", "host", "azurite"].includes(kind),
    );
  const { buildHost } = await import("./soak-processes.js");
  await buildHost();
  const runs: SoakRun[] = [];
  for (const crash of kinds) {
    console.log(`soak: ${crash === "none" ? "the mix" : `the mix with a fault (${crash})`}`);
    runs.push(
      await runSoak({
        seconds:
          crash === "none" ? numberOf("SOAK_SECONDS", 60) : numberOf("SOAK_CRASH_SECONDS", 40),
        seed,
        clientsPerUser,
        thinkMs: [numberOf("SOAK_THINK_MIN_MS", 200), numberOf("SOAK_THINK_MAX_MS", 1000)],
        crash,
        baselineRounds: crash === "none" ? 40 : 0,
        insertSeconds: crash === "none" ? 3 : 0,
        floodSeconds: crash === "none" ? 8 : 0,
        outageSeconds: numberOf("SOAK_OUTAGE_SECONDS", 5),
        drainSeconds: 150,
        log: (message) => console.log(`  ${message}`),
      }),
    );
  }
  const took = (Date.now() - startedAt.getTime()) / 1000;
  const result = soakResult(runs, took);
  const section = benchSection(result);
  const text = [
    ...section.slice(0, 2),
    `Measured by \`npm run soak\`: ${startedAt.toISOString()} on ${machineLine()}.`,
    "",
    ...section.slice(2),
  ].join("\n");
  console.log(text);
  const file = path.join(root, "docs/benchmarks.md");
  const current = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmarks\n\n";
  writeFileSync(file, replaceSection(current, result.title, text));
  const broken = runs.flatMap((run) => breaches(run).map((b) => `${run.options.crash}: ${b}`));
  if (broken.length > 0) {
    console.error(`soak: invariants broken:\n${broken.join("\n")}`);
    process.exit(1);
  }
};

await main();
