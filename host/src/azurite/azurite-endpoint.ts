import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * While `npm start` runs its embedded Azurite, the connection string sits in DATA_DIR, so
 * `npm run sweep` can reach the same storage instead of opening the same files twice.
 */
const FILE_NAME = "azurite-endpoint.json";

type EndpointFile = { connectionString: string; pid: number };

export const writeAzuriteEndpoint = (dataDir: string, connectionString: string) => {
  const file = path.join(dataDir, FILE_NAME);
  writeFileSync(
    file,
    JSON.stringify({ connectionString, pid: process.pid } satisfies EndpointFile),
    "utf8",
  );
  return {
    /** Only our own file: a later host may have replaced it. */
    remove: async () => {
      if (readAzuriteEndpoint(dataDir)?.pid === process.pid) rmSync(file, { force: true });
    },
  };
};

/** The running host's Azurite, if a host wrote one (it may have died since: ping it). */
export const readAzuriteEndpoint = (dataDir: string): EndpointFile | null => {
  try {
    const parsed = JSON.parse(readFileSync(path.join(dataDir, FILE_NAME), "utf8")) as unknown;
    const value = parsed as Partial<EndpointFile>;
    return typeof value.connectionString === "string" && typeof value.pid === "number"
      ? { connectionString: value.connectionString, pid: value.pid }
      : null;
  } catch {
    return null;
  }
};
