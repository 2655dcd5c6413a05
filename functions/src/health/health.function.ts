import type { HttpResponseInit } from "@azure/functions";
import type { AppDeps } from "../app-deps.js";
import type { HttpFunctionDefinition } from "../registry/function-definition.js";

const PING_TIMEOUT_MS = 2_000;
const RETRY_AFTER_SECONDS = "5";

/** GET /api/health: whether the app is up and can reach its storage. */
export const healthFunction = ({ store }: Pick<AppDeps, "store">): HttpFunctionDefinition => ({
  name: "health",
  trigger: "http",
  methods: ["GET"],
  route: "health",
  authLevel: "anonymous",
  handler: async (_request, context) => {
    try {
      await withTimeout(store.ping(PING_TIMEOUT_MS), PING_TIMEOUT_MS);
      return healthResponse(200, { status: "ok", storage: "ok" });
    } catch (error) {
      context.warn("Storage is unreachable:", error instanceof Error ? error.message : error);
      return healthResponse(
        503,
        { status: "degraded", storage: "unreachable" },
        { "Retry-After": RETRY_AFTER_SECONDS },
      );
    }
  },
});

const healthResponse = (
  status: number,
  body: { status: "ok" | "degraded"; storage: "ok" | "unreachable" },
  headers: Record<string, string> = {},
): HttpResponseInit => ({
  status,
  headers: { "Content-Type": "application/json", "Cache-Control": "no-store", ...headers },
  jsonBody: body,
});

// The probe answers within its budget even if a storage client were to ignore its abort signal.
const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
};
