// The shape of the code, checked by `npm run deps` (part of `npm test`): which part may import
// which. The layout and its reasons are in docs/architecture.md; a rule's comment says why.

const TESTS = "\\.test\\.tsx?$|\\.test-support\\.ts$";
const npm = (names) => `^node_modules/(${names})/`;

/** @type {import("dependency-cruiser").IConfiguration} */
export default {
  forbidden: [
    {
      name: "core-imports-nothing-of-ours",
      comment: "core/ is the domain: it knows no entry point, adapter, host or screen.",
      severity: "error",
      from: { path: "^core/" },
      to: { path: "^(contract|bot|functions|host|tabs|tests|scripts)/" },
    },
    {
      name: "core-uses-only-pure-libraries",
      comment:
        "No Teams, Azure, HTTP or other I/O library in core/: its libraries are zod and ulid " +
        "(vitest in its tests). Adding one is a decision to make here, not in passing.",
      severity: "error",
      from: { path: "^core/" },
      to: {
        dependencyTypes: [
          "npm",
          "npm-dev",
          "npm-optional",
          "npm-peer",
          "npm-no-pkg",
          "npm-unknown",
        ],
        pathNot: npm("zod|ulid|vitest|@vitest/[^/]+"),
      },
    },
    {
      name: "core-does-no-io",
      comment: "core/'s rules are pure functions with the clock passed in: no Node built-ins.",
      severity: "error",
      from: { path: "^core/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "bot-imports-only-core",
      comment:
        "bot/ turns core's data into cards and commands; functions/ wires it to storage and HTTP.",
      severity: "error",
      from: { path: "^bot/" },
      to: { path: "^(functions|host|tabs|tests|scripts)/" },
    },
    {
      name: "deployed-code-never-imports-the-local-host",
      comment:
        "Azure runs functions/ (app.ts and all it imports); host/ is npm start's stand-in for " +
        "Azure's host and is never deployed. Only tests, which are not deployed, may borrow it.",
      severity: "error",
      from: { path: "^(core|contract|bot|functions)/", pathNot: TESTS },
      to: { path: "^host/" },
    },
    {
      name: "deployed-code-never-imports-tests",
      comment: "Test support (tests/, *.test-support.ts) is not shipped; code must not need it.",
      severity: "error",
      from: { path: "^(core|contract|bot|functions|host|tabs)/", pathNot: TESTS },
      to: { path: `^tests/|${TESTS}` },
    },
    {
      name: "local-host-imports-the-app-through-hosting",
      comment:
        "host/ runs the app's compiled JavaScript through @dealflow/functions/hosting " +
        "(functions/src/hosting.ts); a path into functions/src would not exist in host/dist.",
      severity: "error",
      from: { path: "^host/", pathNot: TESTS },
      to: { path: "^functions/", pathNot: "^functions/src/hosting\\.ts$" },
    },
    {
      name: "contract-imports-only-zod-and-core",
      comment:
        "contract/ is the wire: the API's request and response schemas and their types. It " +
        "takes the domain's vocabulary (task kinds, outcomes, channels) from core/ and zod, " +
        "nothing else (vitest in its tests), so that the tab can read its types without " +
        "pulling in the server.",
      severity: "error",
      from: { path: "^contract/" },
      to: { pathNot: `^(contract|core)/|${npm("zod|vitest|@vitest/[^/]+")}` },
    },
    {
      name: "tabs-import-only-types-of-core",
      comment:
        "The tab talks to the server over HTTP only: no code of bot/, functions/ or host/. " +
        "Of core/ it takes types, never rules (it shows what the server computed); of the wire " +
        "contract (contract/) it takes types too, see tabs-take-only-types-of-the-contract.",
      severity: "error",
      from: { path: "^tabs/" },
      to: { path: "^(bot|functions|host|tests|scripts)/" },
    },
    {
      name: "tabs-take-only-types-of-the-contract",
      comment:
        "The tab types its calls with contract/'s inferred types; it does not run the " +
        "schemas (the server validates), so `import type` only and nothing reaches its bundle.",
      severity: "error",
      from: { path: "^tabs/" },
      to: { path: "^contract/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "wire-schemas-live-in-the-contract",
      comment:
        "Every schema a route declares (params, query, body, answers) is the wire contract's " +
        "(contract/), which the tab types its calls with: a zod schema written in functions/ " +
        "is one the tab cannot see. functions/ may name zod's types; only its API kit (which " +
        "runs the schemas and builds the OpenAPI document) imports zod itself.",
      severity: "error",
      from: {
        path: "^functions/src/",
        pathNot:
          "^functions/src/api/(api-route|http/api-problem|openapi/openapi-document)\\.ts$|\\.test\\.ts$",
      },
      to: { path: npm("zod"), dependencyTypesNot: ["type-only"] },
    },
    {
      name: "tabs-take-no-rules-from-core",
      comment:
        "See tabs-import-only-types-of-core: `import type` from core/ only, but for " +
        "core/src/i18n (@dealflow/core/i18n): locale tags, plural messages and Intl formats, " +
        "which every part shares so that a date or a count reads the same on a card and in the tab.",
      severity: "error",
      from: { path: "^tabs/" },
      to: { path: "^core/", pathNot: "^core/(src|dist)/i18n/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "azure-tables-only-in-functions",
      comment:
        "functions/src/storage/ is the one adapter to Table Storage; the rest goes through it. " +
        "tests/ may (the bench builds rows).",
      severity: "error",
      from: { path: "^(core|bot|host|tabs|scripts)/" },
      to: { path: npm("@azure/data-tables") },
    },
    {
      name: "azure-functions-only-in-functions-and-its-local-host",
      comment:
        "The programming model belongs to functions/. host/ is the one other user: it builds " +
        "the same HttpRequest and InvocationContext objects Azure's worker does.",
      severity: "error",
      from: { path: "^(core|bot|tabs|scripts)/" },
      to: { path: npm("@azure/functions") },
    },
    {
      name: "botbuilder-only-in-bot",
      comment: "bot/ is the one adapter to the Bot Framework SDK.",
      severity: "error",
      from: { pathNot: "^bot/" },
      to: { path: npm("botbuilder[^/]*|botframework-[^/]+") },
    },
    {
      name: "no-import-cycles",
      comment:
        "A cycle has no first module to read or initialise; type-only ones count too, as they " +
        "tie the files' designs together. The cycles that predate this rule are listed in " +
        ".dependency-cruiser-known-violations.json until their owners untie them.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "imports-resolve",
      comment:
        "Every import must resolve to a file, or the rules above could not see where it goes.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: "features-keep-their-internals",
      comment:
        "A feature (functions/src/features/<feature>/) reaches another only through that " +
        "feature's index.ts, which exports its services and what they take and give; the rest " +
        "of a feature's folder is its own. Tests may borrow another feature's test support.",
      severity: "error",
      from: { path: "^functions/src/features/([^/]+)/", pathNot: TESTS },
      to: {
        path: "^functions/src/features/([^/]+)/",
        pathNot: ["^functions/src/features/$1/", "^functions/src/features/[^/]+/index\\.ts$"],
      },
    },
    {
      name: "entry-points-call-features-through-their-index",
      comment:
        "The bot's card actions, the deadline handlers, the seed and the notifications call a " +
        "feature's services through its index.ts, as other features do (same use case, same " +
        "function); route lists are registered the same way.",
      severity: "error",
      from: { path: "^functions/src/", pathNot: `^functions/src/features/|${TESTS}` },
      to: {
        path: "^functions/src/features/[^/]+/",
        pathNot: "^functions/src/features/[^/]+/index\\.ts$",
      },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Build output and local data only; node_modules must stay visible as import targets.
    exclude: {
      path: [
        "^[a-z]+/dist/",
        "^(dist|coverage|devTools)/",
        "^\\.(data|deploy)/",
        "^appPackage/build/",
      ],
    },
    // Type-only imports are dependencies too (the tabs' rule is about them).
    tsPreCompilationDeps: true,
    // Maps @dealflow/* to the workspaces' sources, as vitest.config.ts does, so the rules see
    // the sources whether or not anything is built.
    tsConfig: { fileName: "tsconfig.deps.json" },
    // Packages as Node resolves them today: by their "exports" (vite, csv-parse/sync).
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
