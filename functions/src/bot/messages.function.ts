import { createTeamsAdapter, handleActivity } from "@dealflow/bot";
import type { AppDeps } from "../app-deps.js";
import { anonymousBotAllowed } from "../config/loopback-only.js";
import { createDeliveryLog } from "../notifications/delivery-log.js";
import type { HttpFunctionDefinition } from "../registry/function-definition.js";
import { botDataOf } from "./bot-data.adapter.js";

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * POST /api/messages: the bot's endpoint. Without BOT_ID the adapter accepts anonymous
 * activities, which is only safe where nobody else can reach it: our host on loopback, which
 * then also refuses every Host but its own loopback names (local-host/http/loopback-guard.ts).
 */
export const messagesFunction = (
  deps: Pick<AppDeps, "config" | "store" | "bot" | "clock">,
): HttpFunctionDefinition => {
  const anonymousRefused = deps.bot.identity.id === undefined && !anonymousBotAllowed(deps.config);
  const adapter = createTeamsAdapter(deps.bot.identity, (activity) =>
    handleActivity(activity, {
      data: botDataOf(deps.store, createDeliveryLog(deps.store.storage), deps.clock),
      conversations: deps.store.conversations,
      links: deps.bot.links,
      clock: deps.clock,
    }),
  );
  return {
    name: "bot-messages",
    trigger: "http",
    methods: ["POST"],
    route: "messages",
    authLevel: "anonymous",
    handler: async (request, context) => {
      if (anonymousRefused) {
        return {
          status: 401,
          jsonBody: { error: "The bot has no BOT_ID; anonymous use is local only." },
        };
      }
      const text = await request.text();
      if (Buffer.byteLength(text) > MAX_BODY_BYTES) return { status: 413 };
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return { status: 400, jsonBody: { error: "The body is not JSON." } };
      }
      const headers: Record<string, string | undefined> = {};
      request.headers.forEach((value, name) => {
        headers[name] = value;
      });
      try {
        const answer = await adapter.process({ body, headers });
        return {
          status: answer.status,
          headers: answer.headers,
          ...(answer.body === undefined ? {} : { jsonBody: answer.body }),
        };
      } catch (error) {
        context.error("The bot could not handle an activity:", error);
        return { status: 500 };
      }
    },
  };
};
