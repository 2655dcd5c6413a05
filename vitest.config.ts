import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

// Workspaces import each other by package name; in tests they resolve to the TypeScript
// sources so that `npm test` needs no build step.
// The tab's one run-time import of core (its i18n entry) comes first: an alias also matches
// what lies under its name, so "@dealflow/core" would take "@dealflow/core/i18n" for a file
// inside index.ts.
const coreI18n = {
  "@dealflow/core/i18n": fileURLToPath(new URL("./core/src/i18n/index.ts", import.meta.url)),
};
const alias = {
  ...coreI18n,
  "@dealflow/core": fileURLToPath(new URL("./core/src/index.ts", import.meta.url)),
  "@dealflow/contract": fileURLToPath(new URL("./contract/src/index.ts", import.meta.url)),
  "@dealflow/bot": fileURLToPath(new URL("./bot/src/index.ts", import.meta.url)),
  "@dealflow/functions/hosting": fileURLToPath(
    new URL("./functions/src/hosting.ts", import.meta.url),
  ),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: "core", root: "./core", include: ["src/**/*.test.ts"] } },
      {
        resolve: { alias },
        test: { name: "contract", root: "./contract", include: ["src/**/*.test.ts"] },
      },
      { resolve: { alias }, test: { name: "bot", root: "./bot", include: ["src/**/*.test.ts"] } },
      {
        resolve: { alias },
        test: {
          name: "functions",
          root: "./functions",
          include: ["src/**/*.test.ts"],
          globalSetup: ["../tests/support/azurite.global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "host",
          root: "./host",
          include: ["src/**/*.test.ts"],
          globalSetup: ["../tests/support/azurite.global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        resolve: { alias: coreI18n },
        test: {
          name: "tabs",
          root: "./tabs",
          include: ["src/**/*.test.tsx"],
          environment: "jsdom",
          setupFiles: ["./src/test/setup.ts"],
          // Typing and clicking through Fluent's dialogs takes seconds on a busy 2-core runner.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          root: "./tests",
          include: ["**/*.test.ts"],
          globalSetup: ["./support/azurite.global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
