import { createTeamsAdapter, handleActivity } from "@dealflow/bot";
import type { AppDeps } from "../app-deps.js";
import { isLoopbackHost } from "../config/is-loopback-host.js";
import { anonymousBotAllowed } from "../config/loopback-only.js";
import { teamsPortOf } from "../features/teams/index.js";
import type { HttpFunctionDefinition } from "../registry/function-definition.js";
import { botDataOf } from "./bot-data.adapter.js";

const MAX_BODY_BYTES = 1024 * 1024;

const isLoopbackServiceUrl = (body: unknown): boolean => {
  const serviceUrl = (body as { serviceUrl?: unknown } | null)?.serviceUrl;
  if (typeof serviceUrl !== "string") return false;
  try {
    return isLoopbackHost(new URL(serviceUrl).hostname.replace(/^\[|\]$/g, ""));
  } catch {
    return false;
  }
};

/**
 * POST /api/messages: the bot's endpoint. Without BOT_ID the adapter accepts anonymous
 * activities, which is only safe where nobody else can reach it: our host on loopback, which
 * then also refuses every Host but its own loopback names (host/src/http/loopback-guard.ts).
 */
export const messagesFunction = (
  deps: Pick<AppDeps, "config" | "store" | "bot" | "clock" | "log">,
): HttpFunctionDefinition => {
  const anonymousRefused = deps.bot.identity.id === undefined && !anonymousBotAllowed(deps.config);
  const adapter = createTeamsAdapter(deps.bot.identity, (activity) =>
    handleActivity(activity, {
      data: botDataOf(deps.store, deps.store.deliveryLog, deps.clock),
      conversations: deps.store.conversations,
      teams: teamsPortOf(deps),
      roster: deps.bot.readRoster,
      teamDetails: deps.bot.readTeamDetails,
      teamChecks: deps.bot.teamChecks,
      log: deps.log,
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
      // The Bot Connector and the Playground post JSON; a browser can post text/plain to us
      // from any page without asking first (a CORS "simple request").
      if (!(request.headers.get("content-type") ?? "").toLowerCase().includes("application/json")) {
        return { status: 415, jsonBody: { error: "Activities are application/json." } };
      }
      const text = await request.text();
      if (Buffer.byteLength(text) > MAX_BODY_BYTES) return { status: 413 };
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        return { status: 400, jsonBody: { error: "The body is not JSON." } };
      }
      // Nobody authenticates an anonymous activity, so it may only make us post to this
      // machine (the Playground): never to a serviceUrl of someone else's choosing.
      if (deps.bot.identity.id === undefined && !isLoopbackServiceUrl(body)) {
        return {
          status: 400,
          jsonBody: { error: "Anonymous activities reply to this machine only." },
        };
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
