import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
} from "../../../../tests/support/api-harness.js";
import { arrangeUser } from "../../api/api.test-support.js";

let harness: ApiHarness;
const tenant = randomUUID();
const ana = newTestUser(tenant, { name: "Ana García" });
const luis = newTestUser(tenant, { name: "Luis Romero" });

const recordOf = async (user: { tenantId: string; userId: string }) => {
  const stored = await harness.deps.store.getUser(user.tenantId, user.userId);
  return { locale: stored?.locale, timeZone: stored?.timeZone };
};

beforeAll(async () => {
  harness = await startApiHarness();
  for (const user of [ana, luis]) await arrangeUser(harness, user);
});
afterAll(() => harness?.close());

describe("PUT /api/me/preferences", () => {
  it("records the Teams language and the browser's zone on the caller's own record", async () => {
    const answer = await harness.call(ana, "PUT", "/api/me/preferences", {
      body: { locale: "es-ES", timeZone: "america/mexico_city" },
    });

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ locale: "es", timeZone: "America/Mexico_City" });
    expect(await recordOf(ana)).toEqual({ locale: "es", timeZone: "America/Mexico_City" });
  });

  it("refuses an unknown zone with a 400 naming timeZone and writes nothing", async () => {
    const before = await recordOf(luis);

    const answer = await harness.call(luis, "PUT", "/api/me/preferences", {
      body: { locale: "es-MX", timeZone: "Mars/Olympus_Mons" },
    });

    expect(answer.status).toBe(400);
    expect(answer.headers.get("content-type")).toContain("application/problem+json");
    expect((answer.body as { errors: { path: string }[] }).errors).toEqual([
      expect.objectContaining({ path: "timeZone" }),
    ]);
    expect(await recordOf(luis)).toEqual(before);
  });

  it("refuses a language Dealflow does not speak with a 400 naming locale", async () => {
    const answer = await harness.call(luis, "PUT", "/api/me/preferences", {
      body: { locale: "fr-FR" },
    });

    expect(answer.status).toBe(400);
    expect((answer.body as { errors: { path: string }[] }).errors).toEqual([
      expect.objectContaining({ path: "locale" }),
    ]);
    expect((await recordOf(luis)).locale).toBe("en");
  });

  it("cannot change another user: a user id in the body is refused, the token names the person", async () => {
    const before = await recordOf(ana);

    const answer = await harness.call(luis, "PUT", "/api/me/preferences", {
      body: { userId: ana.userId, timeZone: "Asia/Tokyo" },
    });

    expect(answer.status).toBe(400);
    expect(await recordOf(ana)).toEqual(before);
    expect((await recordOf(luis)).timeZone).toBeNull();
  });

  it("answers 401 without a token", async () => {
    const answer = await harness.call(null, "PUT", "/api/me/preferences", {
      body: { timeZone: "Europe/Madrid" },
    });
    expect(answer.status).toBe(401);
  });
});
