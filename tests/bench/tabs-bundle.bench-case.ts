import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { ensureTabsBuilt, TABS_DIST } from "../support/browser.js";
import { type BenchCase, fixed } from "./bench-kit.js";

/** Issue 17's budget for what the tab downloads before its first view (issue 6 had 200 kB). */
const GOAL_BYTES = 180 * 1024;

const gzipBytes = (file: string) =>
  gzipSync(readFileSync(path.join(TABS_DIST, file)), { level: 9 }).length;

/** The chunks a chunk imports statically (`import … from "./x.js"`), transitively, with itself. */
const closure = (file: string, seen = new Set<string>()): Set<string> => {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(path.join(TABS_DIST, file), "utf8");
  for (const match of code.matchAll(/(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g)) {
    closure(path.posix.join("assets", match[1] ?? ""), seen);
  }
  return seen;
};

const kb = (bytes: number) => fixed(bytes / 1024, 1);

/**
 * The tab's JavaScript as a browser downloads it (gzip -9, as a static host or CDN serves it):
 * the entry with its preloads (before anything is on screen), then each view's chunk with what
 * it imports beyond that. Ratios are against the 180 kB goal and against all the tab's JS.
 */
export const tabsBundle: BenchCase = {
  name: "tabs-bundle",
  async run(ctx) {
    ctx.log("building the tabs when stale");
    await ensureTabsBuilt();
    const html = readFileSync(path.join(TABS_DIST, "index.html"), "utf8");
    const initialFiles = [...html.matchAll(/(?:src|href)="\/(assets\/[\w.-]+\.js)"/g)].map(
      (match) => match[1] ?? "",
    );
    const initial = new Set<string>();
    for (const file of initialFiles) closure(file, initial);
    const sum = (files: Iterable<string>) =>
      [...files].reduce((total, file) => total + gzipBytes(file), 0);
    const initialBytes = sum(initial);
    const allJs = readdirSync(path.join(TABS_DIST, "assets"))
      .filter((name) => name.endsWith(".js"))
      .map((name) => `assets/${name}`);
    const allBytes = sum(allJs);
    const views = allJs
      .filter((file) => /\/[A-Z]\w*View-[\w-]+\.js$/.test(file))
      .map((file) => {
        const extra = [...closure(file)].filter((chunk) => !initial.has(chunk));
        return { name: /\/(\w+View)-/.exec(file)?.[1] ?? file, bytes: sum(extra) };
      })
      .sort((a, b) => b.bytes - a.bytes);
    const largest = views[0] ?? { name: "none", bytes: 0 };
    return {
      title: "Tabs: JavaScript downloaded before the first view",
      description:
        "The built tab (`vite build tabs`), gzip -9 as a static host serves it. Initial = the entry script and its preloads from index.html with every chunk they import; a view adds its lazy chunk and what it imports beyond the initial set. Goal: initial ≤ 180 kB, each view split out.",
      headers: ["measurement", "gzip (kB)", "baseline (kB)", "ratio"],
      rows: [
        [
          "initial JS vs the 180 kB goal",
          kb(initialBytes),
          kb(GOAL_BYTES),
          fixed(initialBytes / GOAL_BYTES),
        ],
        [
          `initial + the largest view (${largest.name}) vs the goal`,
          kb(initialBytes + largest.bytes),
          kb(GOAL_BYTES),
          fixed((initialBytes + largest.bytes) / GOAL_BYTES),
        ],
        [
          "initial JS vs all the tab's JS",
          kb(initialBytes),
          kb(allBytes),
          fixed(initialBytes / allBytes),
        ],
      ],
      notes: [
        `Views (kB gzip beyond the initial set): ${views.map((view) => `${view.name} ${kb(view.bytes)}`).join(", ")}.`,
        "React, React DOM and Fluent UI's provider are in the initial set; teams-js loads only in a framed page, where Teams may be the host (the browser sign-in never downloads it); each view's tables, dialogs and charts load with the view, and each language's strings with the session (a lazy chunk). The host sends the brotli form the build wrote, a little smaller than these gzip figures.",
      ],
    };
  },
};
