import { ConfigError } from "./config-error.js";

export type Env = Readonly<Record<string, string | undefined>>;

/** An unset variable and one set to blanks (as .env files often leave them) both mean "not set". */
export const readOptional = (env: Env, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value ? value : undefined;
};

export const readChoice = <T extends string>(
  env: Env,
  name: string,
  choices: readonly T[],
  fallback: T,
): T => {
  const value = readOptional(env, name);
  if (value === undefined) return fallback;
  const choice = choices.find((candidate) => candidate === value.toLowerCase());
  if (choice === undefined) {
    throw new ConfigError(name, `"${value}" is not one of ${choices.join(", ")}`);
  }
  return choice;
};

export const readInteger = (
  env: Env,
  name: string,
  fallback: number,
  range: { min: number; max: number },
): number => {
  const value = readOptional(env, name);
  if (value === undefined) return fallback;
  const number = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < range.min || number > range.max) {
    throw new ConfigError(
      name,
      `"${value}" is not a whole number from ${range.min} to ${range.max}`,
    );
  }
  return number;
};

export const readUrl = (env: Env, name: string): string | undefined => {
  const value = readOptional(env, name);
  if (value === undefined) return undefined;
  if (!URL.canParse(value)) throw new ConfigError(name, `"${value}" is not an absolute URL`);
  return value;
};
