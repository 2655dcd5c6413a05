import { randomUUID } from "node:crypto";
import type { NotificationIntent } from "@dealflow/core";
import type { ApiHarness, TestUser } from "../../../../tests/support/api-harness.js";
import { runSweep, type SweepReport } from "../../sla/sla-sweep.js";
import { keyPart, odataString } from "../../storage/keys.js";
import { connectorSignature } from "./connector-signature.js";

export type Connector = { key: string; secret: string };

/** Adds a marketplace to the tenant's settings as its manager would, and gives it a secret. */
export const arrangeConnector = async (
  harness: ApiHarness,
  manager: TestUser,
  spec: { name?: string; reminderMinutes?: number; revealMinutes?: number } = {},
): Promise<Connector> => {
  const key = `mkt-${randomUUID().slice(0, 12)}`;
  const current = await harness.call(manager, "GET", "/api/settings");
  const settings = current.body as { marketplaces: object[] };
  const saved = await harness.call(manager, "PUT", "/api/settings", {
    body: {
      ...settings,
      marketplaces: [...settings.marketplaces, { key, name: spec.name ?? "Workana", ...spec }],
    },
  });
  if (saved.status !== 200) throw new Error(`arrangeConnector: ${saved.status} ${saved.text}`);
  const answer = await harness.call(manager, "POST", `/api/settings/marketplaces/${key}/secret`);
  if (answer.status !== 201) throw new Error(`arrangeConnector: ${answer.status} ${answer.text}`);
  return { key, secret: (answer.body as { secret: string }).secret };
};

/** Posts one event as a marketplace does: signed with the connector's secret at `at`. */
export const postEvent = (
  harness: ApiHarness,
  connector: Connector,
  event: Record<string, unknown>,
  options: { at?: Date; secret?: string; headers?: Record<string, string>; raw?: string } = {},
) => {
  const body = options.raw ?? JSON.stringify(event);
  const timestamp = String(Math.floor((options.at ?? harness.deps.clock()).getTime() / 1000));
  return harness.call(null, "POST", `/api/marketplace/${connector.key}/events`, {
    rawBody: body,
    headers: {
      "Content-Type": "application/json",
      "X-Dealflow-Timestamp": timestamp,
      "X-Dealflow-Signature": connectorSignature(
        options.secret ?? connector.secret,
        timestamp,
        Buffer.from(body),
      ),
      ...options.headers,
    },
  });
};

let sequence = 0;
/** A fresh event id and application id, so tests never collide on the shared connector. */
export const nextIds = () => {
  sequence += 1;
  const run = randomUUID().slice(0, 8);
  return { event: `evt-${run}-${sequence}`, application: `app-${run}-${sequence}` };
};

export const CLIENT = {
  name: "Beatriz Solano",
  email: "beatriz.solano@hidden.example",
  phone: "+34 600 111 222",
  company: "Solano Textiles",
  linkedinUrl: "https://www.linkedin.com/in/beatriz-solano-hidden",
  preferredChannel: "teams-meeting",
};
export const MEETING_URL = "https://meet.hidden.example/solano-42";

export const applicationEvent = (
  ids: { event: string; application: string },
  over: Record<string, unknown> = {},
) => ({
  id: ids.event,
  type: "application-submitted",
  applicationId: ids.application,
  title: "Rebuild the online shop",
  brief: "We need a new Shopify store.",
  client: CLIENT,
  fee: { amount: 25, currency: "EUR" },
  ...over,
});

/** Every row of the tenant's partition plus its stored deadlines: "nothing written" checks. */
export const rowCount = async (harness: ApiHarness, tenantId: string): Promise<number> => {
  const { storage } = harness;
  let count = 0;
  const partition = odataString(keyPart(tenantId, "tenantId"));
  for await (const _ of storage
    .table("tenantData")
    .listEntities({ queryOptions: { filter: `PartitionKey eq ${partition}`, select: ["RowKey"] } }))
    count += 1;
  for await (const _ of storage.table("deadlines").listEntities({
    queryOptions: { filter: `tenantId eq ${odataString(tenantId)}`, select: ["RowKey"] },
  }))
    count += 1;
  return count;
};

/** The tenant's outbox rows. */
export const outbox = async (harness: ApiHarness, tenantId: string) => {
  const rows: NotificationIntent[] = [];
  let cursor: string | null = null;
  do {
    const page = await harness.deps.store.listNotifications(tenantId, { cursor, limit: 200 });
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return rows;
};

/** The SLA sweep as the timer runs it, at the harness's clock. */
export const sweep = (harness: ApiHarness): Promise<SweepReport> =>
  runSweep({
    store: harness.deps.store,
    publish: async () => {},
    clock: harness.deps.clock,
    leaseSeconds: 120,
    budgetMs: 5 * 60_000,
  });
