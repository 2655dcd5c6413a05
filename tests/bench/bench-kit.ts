import os from "node:os";
import type { Store } from "../../functions/src/storage/store.js";
import type { TableStorage } from "../../functions/src/storage/table-storage.js";

/** What a benchmark reports: one table of figures, each a measurement of this run. */
export type BenchResult = {
  title: string;
  description: string;
  headers: string[];
  rows: (string | number)[][];
  notes?: string[];
};

/** A store and its tables: baselines read raw rows and bulk data is written raw. */
export type BenchStore = Store & { storage: TableStorage };

export type BenchContext = {
  /** A store on its own tables, on the run's Azurite. */
  newStore(): Promise<BenchStore>;
  log(message: string): void;
};

export type BenchCase = { name: string; run(ctx: BenchContext): Promise<BenchResult> };

/** Wall time (ms) of one call. */
export const timedMs = async (fn: () => Promise<unknown>) => {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

/** The p-th percentile (nearest rank) of values sorted ascending. */
export const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

/** Median wall time (ms) of `runs` calls after `warmup` unmeasured ones. */
export const medianMs = async (fn: () => Promise<unknown>, runs = 30, warmup = 5) => {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
};

/**
 * Alternates the two measurements so that drift of the machine (the other core, GC, Azurite's
 * own caches) falls on both alike; the ratio is what the docs report.
 */
export const compareMedians = async (
  subject: () => Promise<unknown>,
  baseline: () => Promise<unknown>,
  rounds = 5,
  runsPerRound = 10,
) => {
  const subjectTimes: number[] = [];
  const baselineTimes: number[] = [];
  for (let round = 0; round < rounds; round++) {
    baselineTimes.push(await medianMs(baseline, runsPerRound, round === 0 ? 5 : 1));
    subjectTimes.push(await medianMs(subject, runsPerRound, round === 0 ? 5 : 1));
  }
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  const subjectMs = median(subjectTimes);
  const baselineMs = median(baselineTimes);
  return { subjectMs, baselineMs, ratio: subjectMs / baselineMs };
};

export const fixed = (value: number, digits = 2) => value.toFixed(digits);

/** The one-minute load average, sampled by a case while it runs: over 1 per core, others shared the CPUs. */
export const loadAverage = () => os.loadavg()[0] ?? Number.NaN;

/** "load average 2.1–3.4 (median 2.8) on 2 cores" over a case's samples of `loadAverage`. */
export const loadLine = (samples: readonly number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return `load average ${fixed(sorted[0] ?? Number.NaN, 1)}–${fixed(sorted.at(-1) ?? Number.NaN, 1)} (median ${fixed(percentile(sorted, 50), 1)}) on ${os.cpus().length} cores`;
};

export const machineLine = () =>
  `${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()}`;

export const markdownTable = (headers: string[], rows: (string | number)[][]) =>
  [
    `| ${headers.join(" | ")} |`,
    `| ${headers.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");

/** A result as its docs/benchmarks.md section: title, description, table, notes. */
export const benchSection = (result: BenchResult) => [
  `## ${result.title}`,
  "",
  result.description,
  "",
  markdownTable(result.headers, result.rows),
  "",
  ...(result.notes ?? []).flatMap((note) => [note, ""]),
];

/** Replaces the section titled `title` in a benchmarks file (or adds it at the end). */
export const replaceSection = (current: string, title: string, text: string) => {
  const parts = current.split(/^(?=## )/m);
  const at = parts.findIndex((part) => part.startsWith(`## ${title}\n`));
  if (at >= 0) parts[at] = text;
  else parts.push(text);
  return parts.join("");
};
