// `npm run sweep`: brings the TypeScript build up to date (as `npm start` does), then runs one
// SLA sweep against the configured storage; its last line is `fired N, skipped M, failed K`.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const entry = `${root}host/dist/sweep-command.js`;
const require = createRequire(import.meta.url);

const tsc = spawn(process.execPath, [require.resolve("typescript/bin/tsc"), "-b"], {
  cwd: root,
  stdio: ["ignore", "ignore", "ignore"],
});
const [code, signal] = await once(tsc, "exit");
if (code !== 0) {
  // tsc -b still emits JavaScript past type errors; an operator's sweep should not wait on
  // an unrelated type error, but must hear about it (`npm run typecheck` shows the errors).
  const why = `the build (tsc -b) failed with ${signal ?? `exit code ${code}`}`;
  if (!existsSync(entry)) {
    console.error(`npm run sweep: ${why}; run \`npm run build\` to see the errors.`);
    process.exit(1);
  }
  console.error(`npm run sweep: warning: ${why}; sweeping with the JavaScript it emitted.`);
}
await import(pathToFileURL(entry).href);
