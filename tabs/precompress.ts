import { writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Plugin } from "vite";

/** Below this a compressed copy saves less than its own headers cost. */
const MIN_BYTES = 1024;
const COMPRESSIBLE = /\.(js|css|html|svg|json)$/;

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible file of the build, once, at the
 * highest levels: the site serves them to browsers that take them (functions' site-response.ts),
 * so Teams on a phone downloads a third of the tab's bytes without compressing per request.
 * It runs on the files as written, after every other plugin has finished them.
 */
export const precompress = (): Plugin => ({
  name: "dealflow-precompress",
  apply: "build",
  writeBundle(options, bundle) {
    const dir = options.dir ?? "dist";
    for (const [fileName, output] of Object.entries(bundle)) {
      if (!COMPRESSIBLE.test(fileName)) continue;
      const bytes = Buffer.from(output.type === "chunk" ? output.code : output.source);
      if (bytes.length < MIN_BYTES) continue;
      const brotli = brotliCompressSync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      });
      writeFileSync(path.join(dir, `${fileName}.br`), brotli);
      writeFileSync(path.join(dir, `${fileName}.gz`), gzipSync(bytes, { level: 9 }));
    }
  },
});
