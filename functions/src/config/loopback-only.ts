import type { AppConfig } from "./app-config.js";
import { isLoopbackHost } from "./is-loopback-host.js";

type Exposure = Pick<AppConfig, "runtime" | "host" | "auth" | "bot">;

/** Without BOT_ID the bot takes anonymous activities: only from our own host on loopback. */
export const anonymousBotAllowed = (config: Omit<Exposure, "auth">): boolean =>
  config.bot.id === undefined && config.runtime === "local-host" && isLoopbackHost(config.host);

/**
 * Dev tokens for anyone and an anonymous bot both trust whoever reaches the port, so the host
 * must then answer this machine only: binding to loopback is not enough, because a web page
 * whose name resolves to 127.0.0.1 (DNS rebinding) or a tunnel reaches it too
 * (host/src/http/loopback-guard.ts).
 */
export const answersLoopbackOnly = (config: Exposure): boolean =>
  config.auth.mode === "dev" || anonymousBotAllowed(config);
