// Reads the Agents Toolkit's environment files (env/.env.<name>, then env/.env.<name>.user)
// the way dotenv does: KEY=VALUE lines, `#` comments, optional single or double quotes.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { AppPackageError } from "./app-package-error.js";

const LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/;

const unquote = (raw: string): string => {
  const quote = raw[0];
  if ((quote === '"' || quote === "'") && raw.length >= 2 && raw.endsWith(quote)) {
    const inner = raw.slice(1, -1);
    return quote === '"' ? inner.replace(/\\n/g, "\n").replace(/\\"/g, '"') : inner;
  }
  // Unquoted: a ` #` starts a comment, as in dotenv.
  return raw.replace(/\s+#.*$/, "");
};

/** The variables of one .env file's text; later lines win, as in dotenv. */
export const parseEnvFile = (text: string): Record<string, string> => {
  const vars: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*(#|$)/.test(line)) continue;
    const match = LINE.exec(line);
    if (match?.[1] !== undefined) vars[match[1]] = unquote(match[2] ?? "");
  }
  return vars;
};

const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** The environments that have a file in `envDir` (env/.env.dev → "dev"). */
export const environmentNames = (envDir: string): string[] =>
  existsSync(envDir)
    ? readdirSync(envDir)
        .map((file) => /^\.env\.([A-Za-z0-9_-]+)$/.exec(file)?.[1])
        .filter((name): name is string => name !== undefined)
        .sort()
    : [];

/**
 * The variables of environment `env`: env/.env.<env>, overlaid by the git-ignored
 * env/.env.<env>.user (secrets and personal values), overlaid by `overrides` (the process
 * environment under `npm run package`, so CI can inject values). Empty overrides do not count.
 */
export const loadEnvironment = (
  envDir: string,
  env: string,
  overrides: Record<string, string | undefined> = {},
): Record<string, string> => {
  if (!ENV_NAME.test(env)) {
    throw new AppPackageError(`TEAMSFX_ENV "${env}" is not an environment name.`);
  }
  const file = path.join(envDir, `.env.${env}`);
  if (!existsSync(file)) {
    const known = environmentNames(envDir).join(", ") || "none";
    throw new AppPackageError(
      `There is no env/.env.${env} for TEAMSFX_ENV=${env} (environments: ${known}).`,
    );
  }
  const userFile = `${file}.user`;
  const vars = {
    ...parseEnvFile(readFileSync(file, "utf8")),
    ...(existsSync(userFile) ? parseEnvFile(readFileSync(userFile, "utf8")) : {}),
  };
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined && value !== "") vars[key] = value;
  }
  return vars;
};
