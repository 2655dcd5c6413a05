import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { moduleReferences } from "./support/declared-imports/module-references.js";
import { packageNameOf } from "./support/declared-imports/package-name.js";
import { undeclaredImports } from "./support/declared-imports/undeclared-imports.js";

// npm hoists every workspace's dependencies into one node_modules, so an import of a package
// that only another workspace (or a dependency of a dependency) brings works by chance, until
// that other package changes or a workspace is installed alone (the Function App's bundle
// installs only functions', core's, contract's and bot's dependencies).

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const scratch = mkdtempSync(path.join(tmpdir(), "dealflow-declared-imports-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const write = (root: string, files: Record<string, string>) => {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
};
const manifest = (fields: object) => JSON.stringify({ private: true, ...fields });

describe("every workspace declares the packages it imports", () => {
  it("holds for this repository", () => {
    expect(undeclaredImports(ROOT)).toEqual([]);
  });

  it("finds an import of a package only another workspace declares, wherever it is", () => {
    const root = path.join(scratch, "repo");
    write(root, {
      "package.json": manifest({ workspaces: ["app"], devDependencies: { vitest: "4.1.12" } }),
      "app/package.json": manifest({
        name: "@demo/app",
        dependencies: { "@azure/functions": "4.16.5" },
        devDependencies: { "@types/express": "5.0.0" },
      }),
      "app/src/ok.ts": [
        'import { app } from "@azure/functions/sub/path";',
        'import { readFileSync } from "node:fs";',
        'import path from "path";',
        'import type { Request } from "express";',
        'import { own } from "@demo/app/own";',
        'import { local } from "./local.js";',
      ].join("\n"),
      "app/src/leak.test.ts": 'import { it } from "vitest";\n',
      "app/src/types.ts": 'import { type Request } from "express";\n',
      "app/dist/built.js": 'import "not-checked";\n',
      "scripts/tool.mjs": 'const m = await import("@azure/functions");\n',
      "vitest.config.ts": 'import { defineConfig } from "vitest/config";\n',
    });

    expect(undeclaredImports(root)).toEqual([
      { manifest: "app/package.json", packageName: "vitest", at: "app/src/leak.test.ts:1" },
      // `{ type X }` still loads the module under verbatimModuleSyntax; only `import type` does not.
      { manifest: "app/package.json", packageName: "express", at: "app/src/types.ts:1" },
      { manifest: "package.json", packageName: "@azure/functions", at: "scripts/tool.mjs:1" },
    ]);
  });
});

describe("the modules a file names, as TypeScript parses them", () => {
  it("include imports, exports, requires, resolves, mocks and type references", () => {
    const text = [
      '/// <reference types="vite/client" />',
      'import type { A } from "pkg-a";',
      'export * from "pkg-b";',
      'export type { C } from "pkg-c";',
      'import d = require("pkg-d");',
      'const e = await import("pkg-e");',
      'const f = require("pkg-f");',
      'const g = require.resolve("pkg-g/package.json");',
      'const h = import.meta.resolve("pkg-h");',
      'const i = createRequire(import.meta.url).resolve("pkg-i");',
      'vi.mock("pkg-j", () => ({}));',
      'type K = typeof import("pkg-k");',
      'const notAnImport = "import x from \'pkg-z\'"; // import "pkg-y"',
      "const dynamic = await import(name);",
      'router.resolve("GET", "/api");',
    ].join("\n");

    expect(moduleReferences("demo.ts", text)).toEqual([
      { specifier: "pkg-a", typeOnly: true, line: 2 },
      { specifier: "pkg-b", typeOnly: false, line: 3 },
      { specifier: "pkg-c", typeOnly: true, line: 4 },
      { specifier: "pkg-d", typeOnly: false, line: 5 },
      { specifier: "pkg-e", typeOnly: false, line: 6 },
      { specifier: "pkg-f", typeOnly: false, line: 7 },
      { specifier: "pkg-g/package.json", typeOnly: false, line: 8 },
      { specifier: "pkg-h", typeOnly: false, line: 9 },
      { specifier: "pkg-i", typeOnly: false, line: 10 },
      { specifier: "pkg-j", typeOnly: false, line: 11 },
      { specifier: "pkg-k", typeOnly: true, line: 12 },
      { specifier: "vite/client", typeOnly: true, line: 1 },
    ]);
  });

  it.each([
    ["@azure/functions/dist/x", "@azure/functions"],
    ["vitest/config", "vitest"],
    ["react-dom/client", "react-dom"],
    ["node:fs", null],
    ["fs/promises", null],
    ["./local.js", null],
    ["#internal", null],
    ["@scope", null],
  ])("reads %s as the package %s", (specifier, name) => {
    expect(packageNameOf(specifier)).toBe(name);
  });
});
