import { createHmac, randomUUID } from "node:crypto";
import { LEVELS, type RoutingTarget } from "@dealflow/core";
import type { Store } from "../../functions/src/storage/store.js";
import { type BenchApiHost, startBenchApiHost } from "./api-host.js";
import { syntheticLead } from "./bench-data.js";
import { type BenchCase, compareMedians, fixed } from "./bench-kit.js";

const SMALL_CATALOG = 50;
const LARGE_CATALOG = 500;
/** Opportunities routed per catalog: every measured call routes a fresh one. */
const ROUTED = 45;
/** Below the intake form's burst of 60 leads a minute: the baseline must not meet a 429. */
const ROUNDS = 3;
const RUNS = 10;
const TARGETS_PER_COMMIT = 40;

const LANGUAGES = ["es", "en", "pt", "fr"];

const target = (tenantId: string, i: number): RoutingTarget => ({
  tenantId,
  id: `t${String(i).padStart(5, "0")}`,
  name: `Partner ${i}`,
  type: i % 3 === 0 ? "internal" : i % 3 === 1 ? "agency" : "freelancer",
  level: LEVELS[i % LEVELS.length] ?? "none",
  country: i % 2 === 0 ? "ES" : "MX",
  primaryLanguage: LANGUAGES[i % LANGUAGES.length] ?? "es",
  secondaryLanguages: [LANGUAGES[(i + 1) % LANGUAGES.length] ?? "en"],
  services: ["shopify", i % 2 === 0 ? "seo" : "ads"],
  active: true,
  rating: 3 + (i % 20) / 10,
  reviewCount: i % 7,
  completedProjects: i % 11,
  userId: randomUUID(),
});

/** A tenant with `catalogSize` matching targets and `ROUTED` open opportunities to route. */
const arrangeTenant = async (store: Store, catalogSize: number, now: Date) => {
  const tenantId = randomUUID();
  for (let first = 0; first < catalogSize; first += TARGETS_PER_COMMIT) {
    const count = Math.min(TARGETS_PER_COMMIT, catalogSize - first);
    await store.commit(tenantId, {
      changes: Array.from({ length: count }, (_, i) => ({
        entity: "routing-target" as const,
        before: null,
        after: target(tenantId, first + i),
      })),
      schedule: [],
      cancel: [],
    });
  }
  const opportunityIds: string[] = [];
  for (let i = 0; i < ROUTED; i++) {
    const lead = syntheticLead(tenantId, i, now);
    await store.commit(tenantId, lead);
    const created = lead.changes.find((change) => change.entity === "opportunity");
    if (created?.after) opportunityIds.push(created.after.id);
  }
  return { tenantId, opportunityIds };
};

const bearer = (token: string) => ({
  Authorization: `Bearer ${token}`,
  "Content-Type": "application/json",
});

const expectStatus = async (response: Response, status: number, what: string) => {
  if (response.status !== status) {
    throw new Error(`${what}: ${response.status} ${await response.text()}`);
  }
};

/** Routes the tenant's opportunities one by one, automatically, as a manager would. */
const router = async (
  host: BenchApiHost,
  tenant: { tenantId: string; opportunityIds: string[] },
) => {
  const token = await host.tokenFor({
    tenantId: tenant.tenantId,
    userId: randomUUID(),
    manager: true,
  });
  const queue = [...tenant.opportunityIds];
  return async () => {
    const id = queue.shift();
    if (id === undefined) throw new Error("bench: no opportunity left to route");
    const response = await fetch(`${host.url}/api/opportunities/${id}/routing`, {
      method: "POST",
      headers: bearer(token),
      body: JSON.stringify({ mode: "automatic", criteria: { service: "shopify", language: "es" } }),
    });
    await expectStatus(response, 200, "routing");
  };
};

/** A marketplace connector and a web form of one tenant, each with its secret. */
const arrangeIntake = async (host: BenchApiHost, tenantId: string) => {
  const token = await host.tokenFor({ tenantId, userId: randomUUID(), manager: true });
  const read = await fetch(`${host.url}/api/settings`, { headers: bearer(token) });
  const settings = (await read.json()) as Record<string, unknown> & { version?: string };
  const suffix = randomUUID().slice(0, 8);
  const connectorKey = `bench-mkt-${suffix}`;
  const formKey = `bench-form-${suffix}`;
  const saved = await fetch(`${host.url}/api/settings`, {
    method: "PUT",
    headers: bearer(token),
    body: JSON.stringify({
      ...settings,
      marketplaces: [{ key: connectorKey, name: "Bench marketplace" }],
      intakeForms: [
        {
          key: formKey,
          name: "Bench form",
          source: "web-form",
          campaign: null,
          pipelineId: null,
          ownerId: null,
          routing: "round-robin",
          active: true,
        },
      ],
    }),
  });
  await expectStatus(saved, 200, "settings");
  const secretOf = async (path: string) => {
    const answer = await fetch(`${host.url}${path}`, { method: "POST", headers: bearer(token) });
    await expectStatus(answer, 201, path);
    return ((await answer.json()) as { secret: string }).secret;
  };
  return {
    connector: {
      key: connectorKey,
      secret: await secretOf(`/api/settings/marketplaces/${connectorKey}/secret`),
    },
    form: { key: formKey, secret: await secretOf(`/api/settings/intake-forms/${formKey}/secret`) },
  };
};

const hmac = (secret: string, payload: string) =>
  createHmac("sha256", secret).update(payload).digest("hex");

/**
 * SPEC §4.4 and §4.5 at the API: routing is one read of the whole catalog (targets and the
 * tenant's pending offers) plus the ranking, so its cost is measured at 500 targets against
 * 50; a marketplace application (signature over timestamp and body, the event log, the
 * hidden client and its two clocks) against a plain web-form lead through the same host.
 */
export const marketplaceRouting: BenchCase = {
  name: "marketplace-routing",
  async run(ctx) {
    const store = await ctx.newStore();
    const now = new Date();
    ctx.log(`arranging ${SMALL_CATALOG} and ${LARGE_CATALOG} routing targets`);
    const small = await arrangeTenant(store, SMALL_CATALOG, now);
    const large = await arrangeTenant(store, LARGE_CATALOG, now);
    const host = await startBenchApiHost(store);
    try {
      const routing = await compareMedians(
        await router(host, large),
        await router(host, small),
        ROUNDS,
        RUNS,
      );

      const intake = await arrangeIntake(host, small.tenantId);
      let sequence = 0;
      const postApplication = async () => {
        sequence += 1;
        const body = JSON.stringify({
          id: `evt-${sequence}`,
          type: "application-submitted",
          applicationId: `app-${sequence}`,
          title: "Rebuild the online shop",
          client: { name: `Client ${sequence}`, email: `client${sequence}@example.com` },
          fee: { amount: 25, currency: "EUR" },
        });
        const timestamp = String(Math.floor(Date.now() / 1000));
        const response = await fetch(`${host.url}/api/marketplace/${intake.connector.key}/events`, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            "X-Dealflow-Timestamp": timestamp,
            "X-Dealflow-Signature": `sha256=${hmac(intake.connector.secret, `${timestamp}.${body}`)}`,
          },
          body,
        });
        if (!response.ok) throw new Error(`event: ${response.status} ${await response.text()}`);
      };
      const postLead = async () => {
        sequence += 1;
        const body = JSON.stringify({
          name: `Lead ${sequence}`,
          email: `lead${sequence}@example.com`,
          externalId: `lead-${sequence}`,
        });
        const response = await fetch(`${host.url}/api/intake/${intake.form.key}`, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            "X-Dealflow-Signature": `sha256=${hmac(intake.form.secret, body)}`,
          },
          body,
        });
        await expectStatus(response, 201, "intake");
      };
      const events = await compareMedians(postApplication, postLead, ROUNDS, RUNS);

      return {
        title: "Marketplace and routing at the API",
        description: `Median HTTP time on the local host, alternating subject and baseline (${ROUNDS} rounds of ${RUNS}). Routing: \`POST /api/opportunities/{id}/routing\` (automatic, a fresh opportunity each call, 3 offers) as a manager. Events: a signed \`application-submitted\` event against a signed web-form lead, both creating one opportunity.`,
        headers: ["measurement", "subject (ms)", "baseline (ms)", "ratio"],
        rows: [
          [
            `automatic routing with ${LARGE_CATALOG} targets vs ${SMALL_CATALOG}`,
            fixed(routing.subjectMs),
            fixed(routing.baselineMs),
            fixed(routing.ratio),
          ],
          [
            "marketplace application event vs web-form lead",
            fixed(events.subjectMs),
            fixed(events.baselineMs),
            fixed(events.ratio),
          ],
        ],
        notes: [
          "Routing reads every target and every pending offer of the tenant (range reads in pages of 200, one after the other) and ranks them in memory, so the call grows with the catalog (the ratio above). A catalog in the thousands would want an index by service (or a cached catalog) instead of a whole read per routing.",
          "An application event writes more than a lead: the event log row (idempotency by event id), the hidden client, and the reminder and reveal clocks.",
        ],
      };
    } finally {
      await host.close();
    }
  },
};
