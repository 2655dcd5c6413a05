// Runs a TypeScript file through tsx (`node --import tsx <file> ...args`) for the sweep, bench
// and package scripts; forwards arguments and signals, and exits as the child did.
import { spawn } from "node:child_process";

const [file, ...args] = process.argv.slice(2);
if (!file) {
  console.error("usage: node scripts/run-ts.mjs <file.ts> [args...]");
  process.exit(2);
}

const tsx = import.meta.resolve("tsx");
const child = spawn(process.execPath, ["--import", tsx, file, ...args], { stdio: "inherit" });
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];
const forward = (signal) => child.kill(signal);
for (const signal of SIGNALS) process.on(signal, forward);

child.on("error", (error) => {
  console.error(`run-ts: could not start node: ${error.message}`);
  process.exit(1);
});
child.on("exit", (code, signal) => {
  for (const name of SIGNALS) process.off(name, forward);
  // Die of the same signal, so callers see what really ended the child.
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
