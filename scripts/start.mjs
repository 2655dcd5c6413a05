// `npm start`: brings the TypeScript build up to date (tsc -b rebuilds only what is missing or
// outdated), then runs the local host in this same process, so signals reach it directly.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(import.meta.url);
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];

const build = async () => {
  const tsc = require.resolve("typescript/bin/tsc");
  const child = spawn(process.execPath, [tsc, "-b"], { cwd: root, stdio: "inherit" });
  let interrupted = false;
  // The build runs as a child: pass a stop request on to it instead of orphaning it.
  const forward = (signal) => {
    interrupted = true;
    child.kill(signal);
  };
  for (const signal of SIGNALS) process.on(signal, forward);
  const [code, signal] = await once(child, "exit");
  for (const signal of SIGNALS) process.off(signal, forward);
  return { ok: code === 0, interrupted, code, signal };
};

const result = await build();
if (result.interrupted) process.exit(0);
if (!result.ok) {
  console.error(
    `npm start: the build (tsc -b) failed with ${result.signal ?? `exit code ${result.code}`}; see the errors above.`,
  );
  process.exit(1);
}
// The tabs are built once (vite); `npm run build:tabs` rebuilds them after a change.
if (!existsSync(`${root}tabs/dist/index.html`)) {
  const vite = `${dirname(require.resolve("vite/package.json"))}/bin/vite.js`;
  const child = spawn(process.execPath, [vite, "build", "tabs"], { cwd: root, stdio: "inherit" });
  const [code] = await once(child, "exit");
  if (code !== 0) {
    console.error(`npm start: building the tabs (vite build tabs) failed with exit code ${code}.`);
    process.exit(1);
  }
}
await import(pathToFileURL(`${root}host/dist/main.js`).href);
