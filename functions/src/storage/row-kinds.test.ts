import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildOffer } from "../../../core/src/routing/routing.test-support.js";
import { contactRecord, opportunityRecord, taskRecord } from "./records.test-support.js";
import { type PartitionScheme, ROW_KINDS, type RowKind } from "./row-kinds.js";
import { contactRows } from "./rows/contact.rows.js";
import { opportunityRows } from "./rows/opportunity.rows.js";
import { offerRows } from "./rows/record.rows.js";
import { taskRows } from "./rows/task.rows.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const REGISTRY = path.join(ROOT, "functions/src/storage/row-kinds.ts");

/** Files whose key-like strings are not keys, and why. */
const NOT_KEYS = new Map<string, string>([
  // Attack strings the API fuzz test sends ("opp|~" would widen a concatenated filter).
  ["functions/src/api/fuzz/fuzz-generator.ts", "fuzz input"],
]);

/** The fixed part of a partition: a whole name, or a prefix; null for tenant ids and hours. */
const fixedPart = (p: PartitionScheme): { text: string; whole: boolean } | null => {
  if (p.by === "name") return { text: p.name, whole: true };
  if (p.by === "name-prefix") return { text: p.prefix, whole: false };
  return null;
};

/** Whether two partition schemes can name the same partition. */
const partitionsMeet = (a: PartitionScheme, b: PartitionScheme): boolean => {
  const fa = fixedPart(a);
  const fb = fixedPart(b);
  // A tenant GUID or an hour's ten digits never spell a fixed name (row-kinds.ts).
  if (fa === null || fb === null) return a.by === b.by;
  if (fa.whole && fb.whole) return fa.text === fb.text;
  // A prefix meets a name it starts, or another prefix either starts.
  return (!fb.whole && fa.text.startsWith(fb.text)) || (!fa.whole && fb.text.startsWith(fa.text));
};

const rowsMeet = (a: RowKind, b: RowKind): boolean =>
  a.table === b.table &&
  partitionsMeet(a.partition, b.partition) &&
  (a.prefix.startsWith(b.prefix) || b.prefix.startsWith(a.prefix));

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(full);
    const code = /\.tsx?$/.test(entry.name) && !/\.(test|test-support)\.tsx?$/.test(entry.name);
    return code ? [full] : [];
  });

/** The code of every non-test source file of the server parts, comments taken out. */
const serverCode = () =>
  ["core/src", "bot/src", "functions/src"]
    .flatMap((dir) => sourceFiles(path.join(ROOT, dir)))
    .map((file) => ({
      file: path.relative(ROOT, file),
      code: readFileSync(file, "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/(^|[^:])\/\/.*$/gm, "$1"),
    }));

/** Every `what` found in the code, as `file: match`. */
const findAll = (pattern: RegExp, files = serverCode()) =>
  files.flatMap(({ file, code }) => [...code.matchAll(pattern)].map((m) => `${file}: ${m[0]}`));

describe("the registry of row kinds", () => {
  const kinds = Object.entries(ROW_KINDS) as [string, RowKind][];

  it("gives no two kinds a row they could share", () => {
    const clashes = kinds.flatMap(([name, kind], i) =>
      kinds
        .slice(i + 1)
        .flatMap(([other, otherKind]) =>
          rowsMeet(kind, otherKind) ? [`${name} and ${other}`] : [],
        ),
    );

    expect(clashes).toEqual([]);
  });

  it("catches a clash: a new kind whose prefix starts another's", () => {
    const opportunity = ROW_KINDS.opportunity;
    const clash: RowKind = { ...opportunity, prefix: "opp|x|", holds: "a mistake" };

    expect(rowsMeet(opportunity, clash)).toBe(true);
    expect(rowsMeet(ROW_KINDS.userChat, ROW_KINDS.user)).toBe(false);
    // Tenants: a fixed name inside another kind's prefixed partitions clashes; "marketplace" does not.
    const inEvents: RowKind = {
      ...ROW_KINDS.marketplaceConnector,
      partition: { by: "name", name: "marketplace-event|x" },
    };
    expect(rowsMeet(ROW_KINDS.marketplaceEvent, inEvents)).toBe(true);
    expect(rowsMeet(ROW_KINDS.marketplaceEvent, ROW_KINDS.marketplaceConnector)).toBe(false);
  });

  it("is where every RowKey prefix and partition name of the code comes from", () => {
    const files = serverCode().filter(
      ({ file }) => file !== path.relative(ROOT, REGISTRY) && !NOT_KEYS.has(file),
    );
    // A literal that starts like a key (`ntf|`, `dlv|…`), a key built from a literal word, a
    // partition named in place.
    const literalKeys = findAll(/["'`][a-z][a-z-]*\|/g, files);
    const keysFromWords = findAll(/\bkey\(\s*["'`][a-z]/g, files);
    const namedPartitions = findAll(/\b(PARTITION|partitionKey)\s*[:=]\s*["'`]/g, files);

    expect([...literalKeys, ...keysFromWords, ...namedPartitions]).toEqual([]);
  });

  it("keeps table clients inside the storage folder: features get store methods", () => {
    const outside = serverCode().filter(({ file }) => !file.startsWith("functions/src/storage/"));

    expect(findAll(/\.table\(/g, outside)).toEqual([]);
    expect(findAll(/from "@azure\/data-tables"/g, outside)).toEqual([]);
  });

  it("covers every row the record builders write", () => {
    const tenantPrefixes = kinds
      .filter(([, kind]) => kind.table === "tenantData")
      .map(([, kind]) => kind.prefix);
    const rows = [
      ...opportunityRows(
        opportunityRecord("t", "o1", {
          followers: ["u1"],
          externalId: "form:1",
          status: "discarded",
          discard: { reason: "spam", text: null, at: "2026-03-01T10:00:00.000Z", by: "u1" },
        }),
      ),
      ...opportunityRows(opportunityRecord("t", "o2")),
      ...taskRows(taskRecord("t", "k1", { opportunityId: "o1", contactId: "c1" })),
      ...contactRows(contactRecord("t", "c1")),
      ...offerRows(buildOffer()),
    ];
    const unregistered = rows
      .map((row) => row.rowKey)
      .filter((rowKey) => !tenantPrefixes.some((prefix) => rowKey.startsWith(prefix)));

    expect(rows.length).toBeGreaterThan(10);
    expect(unregistered).toEqual([]);
  });

  it("is listed whole in docs/storage.md", () => {
    const docs = readFileSync(path.join(ROOT, "docs/storage.md"), "utf8");
    const missing = kinds
      .map(([, kind]) =>
        kind.prefix !== ""
          ? kind.prefix
          : kind.partition.by === "name"
            ? kind.partition.name
            : kind.partition.by === "name-prefix"
              ? kind.partition.prefix
              : "",
      )
      .filter((name) => name !== "" && !docs.includes(`\`${name}`));

    expect(missing).toEqual([]);
  });
});
