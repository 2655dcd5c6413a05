import { randomUUID } from "node:crypto";
import { managerSettingsSchema, sellerSettingsSchema } from "@dealflow/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../tests/support/api-harness.js";

let harness: ApiHarness;
const tenant = randomUUID();
const manager = newTestUser(tenant, { manager: true });
const seller = newTestUser(tenant);
const otherTenantManager = newTestUser(randomUUID(), { manager: true });

type SettingsBody = Record<string, unknown> & {
  durations: { firstContactTargetMinutes: number };
  intakeForms: { key: string; hasSecret: boolean }[];
};

const read = async (user = manager) => {
  const answer = await harness.call(user, "GET", "/api/settings");
  return { answer, body: answer.body as SettingsBody, etag: answer.headers.get("etag") ?? "" };
};
const put = (body: unknown, etag?: string, user = manager) =>
  harness.call(user, "PUT", "/api/settings", { body, headers: etag ? { "If-Match": etag } : {} });

beforeAll(async () => {
  harness = await startApiHarness();
});
afterAll(() => harness?.close());

describe("GET|PUT /api/settings", () => {
  it("gives a manager the defaults with an ETag before anything was saved", async () => {
    const { answer, body } = await read();
    expect(answer.status).toBe(200);
    expect(answer.headers.get("etag")).toBeTruthy();
    expect(body.durations.firstContactTargetMinutes).toBe(15);
    expect(body.intakeForms).toEqual([]);
  });

  it("gives a seller only what the tabs need, without administration", async () => {
    const { answer, body } = await read(seller);
    expect(answer.status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(
      ["discardReasons", "durations", "locale", "pipelines", "sources", "timeZone"].sort(),
    );
  });

  it("answers each reader in the contract's shape, which the OpenAPI document declares", async () => {
    expect(managerSettingsSchema.safeParse((await read()).body).error).toBeUndefined();
    expect(sellerSettingsSchema.safeParse((await read(seller)).body).error).toBeUndefined();
    const doc = (await harness.call(null, "GET", "/api/openapi.json")).body as {
      paths: Record<string, { get?: { responses: Record<string, unknown> } }>;
    };
    expect(JSON.stringify(doc.paths["/api/settings"]?.get?.responses[200])).toContain("hasSecret");
  });

  it("refuses a seller's PUT with 403 and writes nothing", async () => {
    const before = await read();
    const answer = await put({ ...before.body, locale: "es" }, undefined, seller);
    expect(answer.status).toBe(403);
    expect((await read()).body.locale).toBe("en");
  });

  it("saves a manager's settings and names an invalid field by its path", async () => {
    const { body, etag } = await read();
    const bad = await put(
      { ...body, durations: { ...body.durations, firstContactTargetMinutes: 0 } },
      etag,
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      errors: [expect.objectContaining({ path: "durations.firstContactTargetMinutes" })],
    });
    const saved = await put(
      { ...body, durations: { ...body.durations, firstContactTargetMinutes: 30 } },
      etag,
    );
    expect(saved.status).toBe(200);
    expect((await read()).body.durations.firstContactTargetMinutes).toBe(30);
  });

  it("saves the working hours, refusing a day that ends before it starts by its path", async () => {
    const { body, etag } = await read();
    expect(body.workingHours).toEqual({ days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" });
    const bad = await put(
      { ...body, workingHours: { days: [1], start: "18:00", end: "09:00" } },
      etag,
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      errors: [expect.objectContaining({ path: "workingHours.end" })],
    });
    const noDays = await put(
      { ...body, workingHours: { days: [], start: "09:00", end: "18:00" } },
      etag,
    );
    expect(JSON.stringify(noDays.body)).toContain('"path":"workingHours.days"');
    const saved = await put(
      { ...body, workingHours: { days: [1, 2, 3, 4], start: "08:00", end: "15:00" } },
      etag,
    );
    expect(saved.status).toBe(200);
    expect((await read()).body.workingHours).toEqual({
      days: [1, 2, 3, 4],
      start: "08:00",
      end: "15:00",
    });
  });

  it("saves the activity feed and the retention, refusing a retention outside 7–3650 or a seller's change; writes nothing then", async () => {
    const { body, etag } = await read();
    expect([body.activityFeed, body.retentionDays]).toEqual([false, 90]);
    for (const retentionDays of [3, 3651, 30.5, "90"]) {
      const bad = await put({ ...body, retentionDays }, etag);
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('"path":"retentionDays"');
    }
    const bySeller = await put({ ...body, activityFeed: true }, undefined, seller);
    expect(bySeller.status).toBe(403);
    expect([(await read()).body.activityFeed, (await read()).body.retentionDays]).toEqual([
      false,
      90,
    ]);
    // Another tenant's manager changes only their own tenant's settings.
    const current = await read();
    const elsewhere = await harness.call(otherTenantManager, "GET", "/api/settings");
    await put(
      { ...(elsewhere.body as SettingsBody), activityFeed: true },
      elsewhere.headers.get("etag") ?? undefined,
      otherTenantManager,
    );
    expect((await read()).body.activityFeed).toBe(false);

    const saved = await put(
      { ...current.body, activityFeed: true, retentionDays: 365 },
      current.etag,
    );
    expect(saved.status).toBe(200);
    expect([(await read()).body.activityFeed, (await read()).body.retentionDays]).toEqual([
      true,
      365,
    ]);
  });

  it("refuses a stale If-Match with 412 and keeps the newer save", async () => {
    const first = await read();
    const winner = await put({ ...first.body, locale: "es" }, first.etag);
    expect(winner.status).toBe(200);
    const loser = await put({ ...first.body, locale: "en" }, first.etag);
    expect(loser.status).toBe(412);
    expect((await read()).body.locale).toBe("es");
  });
});

describe("intake forms in settings", () => {
  const form = (key: string) => ({ key, name: "Website", source: "web-form" });

  it("never returns a form's secret, only whether one is set, and shows a rotated one once", async () => {
    const key = `site-${randomUUID().slice(0, 8)}`;
    const { body, etag } = await read();
    expect((await put({ ...body, intakeForms: [form(key)] }, etag)).status).toBe(200);
    expect((await read()).body.intakeForms[0]).toMatchObject({ key, hasSecret: false });

    const rotated = await harness.call(manager, "POST", `/api/settings/intake-forms/${key}/secret`);
    expect(rotated.status).toBe(201);
    const secret = (rotated.body as { secret: string }).secret;
    expect(secret.length).toBeGreaterThanOrEqual(40);
    const after = await read();
    expect(after.body.intakeForms[0]).toMatchObject({ key, hasSecret: true });
    expect(after.answer.text).not.toContain(secret);
  });

  it("lets only managers rotate a secret, and only of their own forms", async () => {
    const { body } = await read();
    const key = body.intakeForms[0]?.key ?? "";
    expect(
      (await harness.call(seller, "POST", `/api/settings/intake-forms/${key}/secret`)).status,
    ).toBe(403);
    const foreign = await harness.call(
      otherTenantManager,
      "POST",
      `/api/settings/intake-forms/${key}/secret`,
    );
    expect(foreign.status).toBe(404);
  });

  it("refuses a form key that another tenant already holds", async () => {
    const { body } = await read();
    const taken = body.intakeForms[0]?.key ?? "";
    const other = await harness.call(otherTenantManager, "GET", "/api/settings");
    const answer = await put(
      { ...(other.body as object), intakeForms: [form(taken)] },
      undefined,
      otherTenantManager,
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ errors: [{ path: "intakeForms.0.key" }] });
    const unchanged = await harness.call(otherTenantManager, "GET", "/api/settings");
    expect((unchanged.body as SettingsBody).intakeForms).toEqual([]);
  });

  it("releases a removed form's key so another tenant can claim it", async () => {
    const key = `free-${randomUUID().slice(0, 8)}`;
    const mine = await read();
    expect(
      (await put({ ...mine.body, intakeForms: [...mine.body.intakeForms, form(key)] })).status,
    ).toBe(200);
    const again = await read();
    const remaining = again.body.intakeForms.filter((candidate) => candidate.key !== key);
    expect((await put({ ...again.body, intakeForms: remaining })).status).toBe(200);
    const other = await harness.call(otherTenantManager, "GET", "/api/settings");
    const claimed = await put(
      { ...(other.body as object), intakeForms: [form(key)] },
      undefined,
      otherTenantManager,
    );
    expect(claimed.status).toBe(200);
  });
});

describe("marketplace connectors in settings", () => {
  type Connector = { key: string; name: string; hasSecret?: boolean } & Record<string, unknown>;
  const connector = (key: string, fields: Record<string, unknown> = {}): Connector => ({
    key,
    name: "Malt",
    ...fields,
  });
  const connectorsOf = (body: unknown) => (body as { marketplaces: Connector[] }).marketplaces;
  const pathsOf = (body: unknown) =>
    (body as { errors: { path: string }[] }).errors.map((error) => error.path).sort();

  it("refuses a reveal not later than the reminder, a key used twice, an unknown pipeline; writes nothing", async () => {
    const before = await read();
    const key = `malt-${randomUUID().slice(0, 8)}`;
    const early = await put(
      {
        ...before.body,
        marketplaces: [connector(key, { reminderMinutes: 1440, revealMinutes: 1440 })],
      },
      before.etag,
    );
    expect(early.status).toBe(400);
    expect(pathsOf(early.body)).toEqual(["marketplaces.0.revealMinutes"]);

    const crossed = await put(
      {
        ...before.body,
        marketplaces: [connector(key, { pipelineId: "no-such-pipeline" }), connector(key)],
      },
      before.etag,
    );
    expect(crossed.status).toBe(400);
    expect(pathsOf(crossed.body)).toEqual(["marketplaces.0.pipelineId", "marketplaces.1.key"]);

    const after = await read();
    expect(after.etag).toBe(before.etag);
    expect(connectorsOf(after.body)).toEqual(connectorsOf(before.body));
  });

  it("says whether each connector has a secret, never the secret, and only for its own tenant", async () => {
    const key = `malt-${randomUUID().slice(0, 8)}`;
    const { body, etag } = await read();
    const saved = await put(
      { ...body, marketplaces: [connector(key, { pipelineId: "sales", hasSecret: true })] },
      etag,
    );
    expect(saved.status).toBe(200);
    // `hasSecret` is what the server says, not something a PUT can set.
    expect(connectorsOf(saved.body)).toEqual([
      {
        key,
        name: "Malt",
        pipelineId: "sales",
        reminderMinutes: 1440,
        revealMinutes: 2880,
        hasSecret: false,
      },
    ]);

    const rotated = await harness.call(manager, "POST", `/api/settings/marketplaces/${key}/secret`);
    expect(rotated.status).toBe(201);
    const secret = (rotated.body as { secret: string }).secret;
    const after = await read();
    expect(connectorsOf(after.body)).toEqual([expect.objectContaining({ key, hasSecret: true })]);
    expect(after.answer.text).not.toContain(secret);

    // Another organisation may list the same key, but the secret is not theirs.
    const other = await harness.call(otherTenantManager, "GET", "/api/settings");
    const theirs = await put(
      { ...(other.body as object), marketplaces: [connector(key)] },
      undefined,
      otherTenantManager,
    );
    expect(theirs.status).toBe(200);
    expect(connectorsOf(theirs.body)).toEqual([expect.objectContaining({ key, hasSecret: false })]);
    expect((await read(seller)).body).not.toHaveProperty("marketplaces");
  });
});
