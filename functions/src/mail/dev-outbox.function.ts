import type { NotificationIntent } from "@dealflow/core";
import { toProblem } from "../api/http/api-problem.js";
import type { AppDeps } from "../app-deps.js";
import type { HttpFunctionDefinition } from "../registry/function-definition.js";
import { keyPart, odataString } from "../storage/keys.js";
import { listOutboxMails } from "./outbox-mailer.js";

const undeliveredNotifications = async (
  deps: Pick<AppDeps, "storage">,
  tenantId: string | null,
): Promise<NotificationIntent[]> => {
  const range = `RowKey ge ${odataString("ntf|")} and RowKey lt ${odataString("ntf|~")}`;
  const filter =
    tenantId === null
      ? range
      : `PartitionKey eq ${odataString(keyPart(tenantId, "tenantId"))} and ${range}`;
  const found: NotificationIntent[] = [];
  const rows = deps.storage
    .table("tenantData")
    .listEntities<{ data?: string }>({ queryOptions: { filter } });
  for await (const row of rows) {
    const intent = JSON.parse(row.data ?? "null") as NotificationIntent | null;
    if (intent !== null && intent.deliveredAt === null) found.push(intent);
    if (found.length >= 200) break;
  }
  return found;
};

/**
 * GET /api/dev/outbox[?tenantId=] (dev mode only, registered only then): the mails the local
 * mailer "sent" and the notification intents not yet delivered, for developers to see what
 * Dealflow would have told whom.
 */
export const devOutboxFunction = (deps: Pick<AppDeps, "storage">): HttpFunctionDefinition => ({
  name: "devOutbox",
  trigger: "http",
  methods: ["GET"],
  route: "dev/outbox",
  authLevel: "anonymous",
  handler: async (request, context) => {
    const tenantId = request.query.get("tenantId");
    try {
      const [mails, notifications] = await Promise.all([
        listOutboxMails(deps.storage, tenantId),
        undeliveredNotifications(deps, tenantId),
      ]);
      return {
        status: 200,
        headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
        jsonBody: { mails, undeliveredNotifications: notifications },
      };
    } catch (error) {
      const { response, unexpected } = toProblem(error);
      if (unexpected) context.error("devOutbox failed:", error);
      return response;
    }
  },
});

/** The dev-only mail functions: none outside dev mode. */
export const devMailFunctions = (
  deps: Pick<AppDeps, "storage" | "config">,
): HttpFunctionDefinition[] => (deps.config.auth.mode === "dev" ? [devOutboxFunction(deps)] : []);
