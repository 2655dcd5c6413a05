import { toProblem } from "../api/http/api-problem.js";
import type { AppDeps } from "../app-deps.js";
import type { HttpFunctionDefinition } from "../registry/function-definition.js";

/**
 * GET /api/dev/outbox[?tenantId=] (dev mode only, registered only then): the mails the local
 * mailer "sent" and the notification intents not yet delivered, for developers to see what
 * Dealflow would have told whom.
 */
export const devOutboxFunction = (deps: Pick<AppDeps, "store">): HttpFunctionDefinition => ({
  name: "devOutbox",
  trigger: "http",
  methods: ["GET"],
  route: "dev/outbox",
  authLevel: "anonymous",
  handler: async (request, context) => {
    const tenantId = request.query.get("tenantId");
    try {
      const [mails, notifications] = await Promise.all([
        deps.store.mailOutbox.listMails(tenantId),
        deps.store.listUndeliveredNotifications(tenantId),
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
  deps: Pick<AppDeps, "store" | "config">,
): HttpFunctionDefinition[] => (deps.config.auth.mode === "dev" ? [devOutboxFunction(deps)] : []);
