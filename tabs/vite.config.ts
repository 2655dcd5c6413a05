import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./precompress.js";

// Each view is a React.lazy chunk (see src/shell/view-registry.tsx); vendor code is split so
// the shell's initial load stays small.
export const tabsRoot = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root: tabsRoot,
  base: "/",
  plugins: [react(), precompress()],
  // core's i18n entry (locale tags, plural messages, Intl formats) from its source, so the tab
  // builds whether or not core/ has been compiled.
  resolve: {
    alias: {
      "@dealflow/core/i18n": fileURLToPath(new URL("../core/src/i18n/index.ts", import.meta.url)),
    },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
});
