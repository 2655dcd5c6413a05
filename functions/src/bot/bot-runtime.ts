import {
  type BotIdentity,
  createConnectorClient,
  createConnectorTokenProvider,
  createProactiveSender,
  createRateLimiter,
  createRosterReader,
  createTeamChecks,
  createTeamDetailsReader,
  type LimiterPeers,
  type LinkConfig,
} from "@dealflow/bot";
import type { AppConfig } from "../config/app-config.js";

/**
 * The bot's shared pieces: one limiter per process, so every delivery paces together; with
 * `peers`, the processes on one storage account share Teams' limits (limiter-peers.ts).
 */
export const createBotRuntime = (
  config: Pick<AppConfig, "bot" | "port" | "notifyCoalesceSeconds" | "publicBaseUrl">,
  env: Record<string, string | undefined> = process.env,
  options: { peers?: LimiterPeers } = {},
) => {
  const identity: BotIdentity = {
    id: config.bot.id,
    password: config.bot.password,
    tenantId: config.bot.tenantId,
    type: config.bot.type,
  };
  const links: LinkConfig = {
    teamsAppId: env.TEAMS_APP_ID?.trim() || null,
    baseUrl: `http://localhost:${config.port || 3978}`,
    // The tab is served on the app's one public domain (TAB_DOMAIN in the manifest's
    // messageHandlers): links to it unfurl.
    tabDomains: [env.TAB_DOMAIN?.trim(), new URL(config.publicBaseUrl).hostname].filter(
      (domain): domain is string => Boolean(domain),
    ),
  };
  const limiter = createRateLimiter({ peers: options.peers });
  const connector = createConnectorClient({ token: createConnectorTokenProvider(identity) });
  const send = createProactiveSender({ limiter });
  return {
    identity,
    links,
    /** Our bot's id in conversations it creates; the Playground accepts any when anonymous. */
    botId: identity.id ?? "dealflow-local-bot",
    coalesceMs: config.notifyCoalesceSeconds * 1000,
    connector,
    send,
    /** A team's whole roster (SPEC §7), paced and retried like every connector call. */
    readRoster: createRosterReader(connector, send),
    /** Asked inside a user's turn, so tried once (paced like every call), never backed off. */
    readTeamDetails: createTeamDetailsReader(
      connector,
      createProactiveSender({ limiter, maxAttempts: 1 }),
    ),
    /** Which teams this process looked at lately (a team unknown to the bot is asked about once a minute). */
    teamChecks: createTeamChecks(),
  };
};

export type BotRuntime = ReturnType<typeof createBotRuntime>;
