import { teamsActivity } from "../support/bot-host.js";
import { type ApiClient, type CallLog, createApiClient } from "./soak-client.js";

export type DemoUser = { id: string; name: string; role: "seller" | "manager" };
export type IntakeForm = { key: string; secret: string };

/** What the mix runs on: the demo tenant's people, their intake forms, the counters. */
export type SoakWorld = {
  tenantId: string;
  url: () => string;
  log: CallLog;
  sellers: DemoUser[];
  manager: DemoUser;
  clientOf(userId: string): ApiClient;
  forms: IntakeForm[];
  /** Forms only the intake flood posts to (each form has its own budget of 60 a minute). */
  floodForms: IntakeForm[];
  /** Opportunities whose value the mix increments with If-Match (the lost-update check). */
  counters: { id: string; ownerId: string }[];
};

const must = <T>(answer: { status: number; body: unknown }, what: string, ok = [200, 201]): T => {
  if (!ok.includes(answer.status)) {
    throw new Error(`soak setup: ${what} answered ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return answer.body as T;
};

/**
 * Arranges the demo tenant as a manager would: intake forms with secrets, the bot installed
 * by everyone (their chats point at the stand-in connector), a few counter opportunities.
 */
export const arrangeWorld = async (options: {
  url: () => string;
  log: CallLog;
  connectorUrl: string;
  forms: number;
  floodForms: number;
  counters: number;
}): Promise<SoakWorld> => {
  const { url, log } = options;
  const listed = (await (await fetch(`${url()}/api/dev/users`)).json()) as {
    tenantId: string;
    users: DemoUser[];
  };
  const sellers = listed.users.filter((user) => user.role === "seller");
  const manager = listed.users.find((user) => user.role === "manager");
  if (!manager || sellers.length === 0) throw new Error("soak setup: no demo users");
  const clients = new Map(
    listed.users.map((user) => [user.id, createApiClient({ url, log }, user.id)]),
  );
  const clientOf = (userId: string) => {
    const client = clients.get(userId);
    if (!client) throw new Error(`no client for ${userId}`);
    return client;
  };
  const marta = clientOf(manager.id);

  // The bot first: every card of the run, the setup's own included, goes to the stand-in.
  for (const user of listed.users) {
    const activity = teamsActivity({
      serviceUrl: options.connectorUrl,
      tenantId: listed.tenantId,
      userId: user.id,
      type: "installationUpdate",
      action: "add",
    });
    const answer = await fetch(`${url()}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(activity),
    });
    await answer.text();
    if (answer.status >= 300) throw new Error(`soak setup: install answered ${answer.status}`);
  }

  const settings = must<{ intakeForms: object[] }>(
    await marta.call("setup", "GET", "/api/settings"),
    "GET /api/settings",
  );
  const keys = Array.from(
    { length: options.forms + options.floodForms },
    (_, i) => `soak-form-${i + 1}`,
  );
  must(
    await marta.call("setup", "PUT", "/api/settings", {
      body: {
        ...settings,
        intakeForms: [
          ...settings.intakeForms,
          ...keys.map((key, i) => ({
            key,
            name: `Soak form ${i + 1}`,
            source: "web-form",
            campaign: null,
            pipelineId: null,
            ownerId: null,
            routing: "round-robin",
            active: true,
          })),
        ],
      },
    }),
    "PUT /api/settings",
  );
  const forms: IntakeForm[] = [];
  for (const key of keys) {
    const secret = must<{ secret: string }>(
      await marta.call("setup", "POST", `/api/settings/intake-forms/${key}/secret`),
      "form secret",
    ).secret;
    forms.push({ key, secret });
  }

  const counters: SoakWorld["counters"] = [];
  for (let i = 0; i < options.counters; i++) {
    const ownerId = sellers[i % sellers.length]?.id ?? manager.id;
    const created = must<{ id: string }>(
      await marta.call("setup", "POST", "/api/opportunities", {
        body: {
          contact: { name: `Counter Client ${i + 1}` },
          source: "referral",
          title: `Soak counter ${i + 1}`,
          ownerId,
        },
      }),
      "POST /api/opportunities",
    );
    counters.push({ id: created.id, ownerId });
  }
  return {
    tenantId: listed.tenantId,
    url,
    log,
    sellers,
    manager,
    clientOf,
    forms: forms.slice(0, options.forms),
    floodForms: forms.slice(options.forms),
    counters,
  };
};
