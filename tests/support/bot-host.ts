import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type AppDeps, createAppDeps } from "../../functions/src/app-deps.js";
import { readAppConfig } from "../../functions/src/config/app-config.js";
import { answersLoopbackOnly } from "../../functions/src/config/loopback-only.js";
import { createFunctions } from "../../functions/src/create-functions.js";
import { DEMO_TENANT_ID, DEMO_USERS } from "../../functions/src/seed/demo-tenant.js";
import { seedDemoTenantIfEmpty } from "../../functions/src/seed/seed-demo-tenant.js";
import { createTableStorage } from "../../functions/src/storage/table-storage.js";
import { type RunningAzurite, startAzurite } from "../../host/src/azurite/azurite.js";
import { type RunningLocalHost, startLocalHost } from "../../host/src/local-host.js";
import { quietButErrors } from "./quiet.js";

/**
 * The whole app (local host + Azurite + the demo tenant), as `npm start` runs it, on free ports.
 * `storage`: another host's Azurite, as a second Function instance on one storage account
 * (this host then leaves that Azurite running when it stops).
 */
export const startBotHost = async (
  env: Record<string, string> = {},
  shared: { connectionString: string } | null = null,
) => {
  const azurite: RunningAzurite | null = shared ? null : await startAzurite();
  const connectionString = shared?.connectionString ?? azurite?.connectionString ?? "";
  const storage = createTableStorage({ connectionString });
  await storage.ensureTables();
  await seedDemoTenantIfEmpty(storage, new Date());
  const config = readAppConfig({ PORT: "0", TIMERS: "off", SEED: "none", ...env }, "local-host");
  const clock = () => new Date();
  const deps: AppDeps = createAppDeps({ config, storage, clock, log: quietButErrors });
  const host: RunningLocalHost = await startLocalHost({
    definitions: createFunctions(deps),
    host: "127.0.0.1",
    port: 0,
    timers: "off",
    storageConnectionString: connectionString,
    siteRoot: await mkdtemp(path.join(tmpdir(), "dealflow-site-")),
    clock,
    log: quietButErrors,
    loopbackOnly: answersLoopbackOnly(config),
  });
  return {
    url: host.url,
    connectionString,
    deps,
    tenantId: DEMO_TENANT_ID,
    users: DEMO_USERS,
    async stop() {
      await host.close();
      await azurite?.stop();
    },
  };
};

export type BotHost = Awaited<ReturnType<typeof startBotHost>>;

let sequence = 0;

/** A Teams-shaped Activity, as the Bot Connector posts it to /api/messages. */
export const teamsActivity = (input: {
  serviceUrl: string;
  tenantId: string;
  userId: string;
  type?: string;
  text?: string;
  name?: string;
  value?: unknown;
  action?: string;
  replyToId?: string;
  channel?: { teamId: string; channelId: string };
  membersAdded?: { id: string }[];
  locale?: string;
  /** E.g. Teams' `{ type: "clientInfo", timezone }` on messages and invokes. */
  entities?: object[];
}) => {
  sequence += 1;
  const personalId = `a:personal-${input.userId}`;
  return {
    type: input.type ?? "message",
    id: `incoming-${sequence}`,
    timestamp: new Date().toISOString(),
    channelId: "msteams",
    serviceUrl: input.serviceUrl,
    locale: input.locale ?? "en-US",
    from: { id: `29:${input.userId}`, name: input.userId, aadObjectId: input.userId },
    recipient: { id: "28:dealflow-bot", name: "Dealflow" },
    conversation: input.channel
      ? {
          id: `${input.channel.channelId};messageid=${sequence}`,
          conversationType: "channel",
          tenantId: input.tenantId,
          isGroup: true,
        }
      : { id: personalId, conversationType: "personal", tenantId: input.tenantId },
    channelData: {
      tenant: { id: input.tenantId },
      ...(input.channel
        ? { team: { id: input.channel.teamId }, channel: { id: input.channel.channelId } }
        : {}),
    },
    ...(input.text !== undefined ? { text: input.text } : {}),
    ...(input.name ? { name: input.name } : {}),
    ...(input.value !== undefined ? { value: input.value } : {}),
    ...(input.action ? { action: input.action } : {}),
    ...(input.replyToId ? { replyToId: input.replyToId } : {}),
    ...(input.membersAdded ? { membersAdded: input.membersAdded } : {}),
    ...(input.entities ? { entities: input.entities } : {}),
  };
};

export const postActivity = async (host: BotHost, activity: object) => {
  const response = await fetch(`${host.url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
};

/** Polls `check` (no fixed sleep decides a result: the assertion runs once it holds). */
export const eventually = async <T>(
  check: () => Promise<T | null> | T | null,
  timeoutMs = 20_000,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
