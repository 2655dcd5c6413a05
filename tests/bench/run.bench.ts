import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createStore } from "../../functions/src/storage/store.js";
import { createTableStorage } from "../../functions/src/storage/table-storage.js";
import { startAzurite } from "../../host/src/azurite/azurite.js";
import { apiFirstContactQueuePage } from "./api-first-contact-queue.bench-case.js";
import { apiTeamsMembership } from "./api-teams-membership.bench-case.js";
import {
  type BenchCase,
  type BenchResult,
  benchSection,
  machineLine,
  replaceSection,
} from "./bench-kit.js";
import { botFanout } from "./bot-fanout.bench-case.js";
import { botTwoInstances } from "./bot-two-instances.bench-case.js";
import { createOpportunityOperations } from "./create-opportunity-operations.bench-case.js";
import { firstContactQueuePage } from "./first-contact-queue.bench-case.js";
import { marketplaceRouting } from "./marketplace-routing.bench-case.js";
import { slaReminderLateness } from "./sla-reminder-lateness.bench-case.js";
import { slaSweepCost } from "./sla-sweep.bench-case.js";
import { tabsBundle } from "./tabs-bundle.bench-case.js";
import { tabsLighthouse } from "./tabs-lighthouse.bench-case.js";
import { tabsQueueRender } from "./tabs-queue-render.bench-case.js";

/** Every benchmark, in the order docs/benchmarks.md shows them. Later issues add theirs here. */
const CASES: BenchCase[] = [
  firstContactQueuePage,
  apiFirstContactQueuePage,
  apiTeamsMembership,
  createOpportunityOperations,
  slaSweepCost,
  slaReminderLateness,
  botFanout,
  botTwoInstances,
  marketplaceRouting,
  tabsBundle,
  tabsQueueRender,
  tabsLighthouse,
];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const section = benchSection;

/**
 * A run of named cases replaces (or adds, at the end) only their sections, each saying when
 * and where it was measured; the rest of the file stays the whole run it came from.
 */
const spliced = (
  current: string,
  results: BenchResult[],
  names: readonly string[],
  startedAt: Date,
) => {
  let spliced = current;
  for (const [index, result] of results.entries()) {
    const text = [
      ...section(result).slice(0, 2),
      `Measured on its own (\`npm run bench -- ${names[index]}\`): ${startedAt.toISOString()} on ${machineLine()}.`,
      "",
      ...section(result).slice(2),
    ].join("\n");
    spliced = replaceSection(spliced, result.title, text);
  }
  return spliced;
};

const render = (results: BenchResult[], startedAt: Date, seconds: number) =>
  [
    "# Benchmarks",
    "",
    "Written by `npm run bench`; every figure below was measured in one run, against a real",
    "Azurite (in memory) on the same machine. Times depend on the machine, so each figure that",
    "matters is a ratio against a baseline measured in the same run, alternating the two.",
    "",
    `Run: ${startedAt.toISOString()} on ${machineLine()}; took ${seconds.toFixed(0)} s.`,
    "",
    ...results.flatMap(section),
  ].join("\n");

const main = async () => {
  const startedAt = new Date();
  const only = process.argv.slice(2);
  const azurite = await startAzurite();
  const results: BenchResult[] = [];
  const ran: string[] = [];
  try {
    for (const bench of CASES) {
      if (only.length > 0 && !only.includes(bench.name)) continue;
      console.log(`bench: ${bench.name}`);
      ran.push(bench.name);
      results.push(
        await bench.run({
          async newStore() {
            const storage = createTableStorage({
              connectionString: azurite.connectionString,
              tablePrefix: `b${randomUUID().replace(/-/g, "").slice(0, 10)}`,
            });
            await storage.ensureTables();
            return Object.assign(createStore(storage), { storage });
          },
          log: (message) => console.log(`  ${message}`),
        }),
      );
    }
  } finally {
    await azurite.stop();
  }
  const seconds = (Date.now() - startedAt.getTime()) / 1000;
  const markdown = render(results, startedAt, seconds);
  console.log(markdown);
  // docs/benchmarks.md holds one whole run; a run of named cases replaces their sections.
  const file = path.join(root, "docs/benchmarks.md");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    only.length === 0 || !existsSync(file)
      ? markdown
      : spliced(readFileSync(file, "utf8"), results, ran, startedAt),
  );
};

await main();
