import { randomUUID } from "node:crypto";
import type { Offer as OfferView } from "@dealflow/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
  type TestUser,
} from "../../../../../tests/support/api-harness.js";
import { arrangeOpportunity, arrangeUser } from "../../../api/api.test-support.js";
import { createTarget, errorPaths, targetBody } from "../routing.test-support.js";

// SPEC §4.5: an opportunity's routing history, and every offer of the tenant for managers.
const MINUTE = 60_000;
let now = new Date("2026-03-02T09:00:00.000Z");
let harness: ApiHarness;
const tenant = randomUUID();
const marta = newTestUser(tenant, { manager: true, name: "Marta Díaz" });
const ana = newTestUser(tenant, { name: "Ana García" });
const luis = newTestUser(tenant, { name: "Luis Pérez" });
const pepe = newTestUser(tenant, { name: "Pepe Ruiz" });
const outsider = newTestUser(randomUUID(), { manager: true });
/** The three opportunities: taken by Luis, waiting for Ana, declined by Luis. */
const ids = { taken: "", waiting: "", declined: "" };
const targets: Record<string, string> = {};

type Listing = { items: OfferView[]; nextCursor: string | null };
const get = (user: TestUser, path: string) => harness.call(user, "GET", path);
const listing = async (user: TestUser, path: string): Promise<Listing> => {
  const answer = await get(user, path);
  expect(answer.status, answer.text).toBe(200);
  return answer.body as Listing;
};
const route = async (opportunityId: string, body: unknown) => {
  const answer = await harness.call(marta, "POST", `/api/opportunities/${opportunityId}/routing`, {
    body,
  });
  expect(answer.status, answer.text).toBe(200);
  return (answer.body as { items: OfferView[] }).items;
};
const answer = async (user: TestUser, offerId: string, verb: "accept" | "decline") =>
  expect((await harness.call(user, "POST", `/api/offers/${offerId}/${verb}`)).status).toBe(200);
const later = () => {
  now = new Date(now.getTime() + MINUTE);
};
/** Reads every page of a listing, `limit` offers at a time. */
const allPages = async (user: TestUser, path: string, limit: number) => {
  const items: OfferView[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 20; pages++) {
    const next: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
    const page = await listing(user, `${path}&limit=${limit}${next}`);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (cursor === null) break;
  }
  return items;
};

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => now });
  for (const user of [marta, ana, luis, pepe, outsider]) await arrangeUser(harness, user);
  for (const [name, user] of [
    ["Ana Partners", ana],
    ["Luis Studio", luis],
  ] as const) {
    targets[name] = (await createTarget(harness, marta, targetBody(name, user.userId))).id;
  }
  for (const key of Object.keys(ids) as (keyof typeof ids)[]) {
    ids[key] = (await arrangeOpportunity(harness, { owner: pepe, title: `Shop ${key}` })).id;
  }
  // Taken: both targets asked at once, Luis accepts and Ana's offer is withdrawn.
  const round = await route(ids.taken, { mode: "automatic", criteria: { service: "web" } });
  const luisOffer = round.find((offer) => offer.userId === luis.userId);
  await answer(luis, luisOffer?.id ?? "", "accept");
  later();
  // Declined: Luis alone, who says no.
  const [declined] = await route(ids.declined, {
    mode: "manual",
    targetId: targets["Luis Studio"],
  });
  await answer(luis, declined?.id ?? "", "decline");
  later();
  // Waiting: Ana alone, sent last.
  await route(ids.waiting, { mode: "manual", targetId: targets["Ana Partners"] });
});
afterAll(async () => {
  await harness?.close();
});

describe("GET /api/opportunities/{id}/offers", () => {
  it("lists every offer of the opportunity, any status, with the offers' item shape", async () => {
    const { items, nextCursor } = await listing(marta, `/api/opportunities/${ids.taken}/offers`);
    expect(nextCursor).toBeNull();
    expect(items.map((offer) => [offer.targetName, offer.status]).sort()).toEqual([
      ["Ana Partners", "withdrawn"],
      ["Luis Studio", "accepted"],
    ]);
    expect(items[0]).toEqual({
      id: expect.any(String),
      opportunityId: ids.taken,
      opportunityTitle: "Shop taken",
      targetId: expect.any(String),
      targetName: expect.any(String),
      userId: expect.any(String),
      mode: "automatic",
      status: expect.any(String),
      sentAt: expect.any(String),
      expiresAt: expect.any(String),
      answeredAt: expect.any(String),
      answeredBy: expect.any(String),
    });
  });

  it("puts the newest offer first", async () => {
    // A second round after Luis declined: Ana's offer is newer than his.
    later();
    await route(ids.declined, { mode: "manual", targetId: targets["Ana Partners"] });
    const { items } = await listing(marta, `/api/opportunities/${ids.declined}/offers`);
    expect(items.map((offer) => [offer.targetName, offer.status])).toEqual([
      ["Ana Partners", "pending"],
      ["Luis Studio", "declined"],
    ]);
  });

  it("answers whoever may read the opportunity: its owner, and now Luis who took it", async () => {
    expect((await listing(pepe, `/api/opportunities/${ids.waiting}/offers`)).items).toHaveLength(1);
    expect((await listing(luis, `/api/opportunities/${ids.taken}/offers`)).items).toHaveLength(2);
  });

  it("is the 404 of a missing opportunity to anyone who may not read it", async () => {
    for (const [user, id] of [
      [ana, ids.waiting],
      [luis, ids.waiting],
      [outsider, ids.waiting],
      [marta, "01NOSUCHOPPORTUNITY"],
    ] as const) {
      const refused = await get(user, `/api/opportunities/${id}/offers`);
      expect(refused.status).toBe(404);
      expect(refused.headers.get("content-type")).toContain("application/problem+json");
    }
  });
});

describe("GET /api/offers?scope=all (managers)", () => {
  it("lists every offer of the tenant in the order sent", async () => {
    const { items, nextCursor } = await listing(marta, "/api/offers?scope=all");
    expect(nextCursor).toBeNull();
    expect(items.map((offer) => offer.opportunityTitle)).toEqual([
      "Shop taken",
      "Shop taken",
      "Shop declined",
      "Shop waiting",
      "Shop declined",
    ]);
    expect(items.map((offer) => offer.status).slice(2)).toEqual(["declined", "pending", "pending"]);
    expect(
      items
        .map((offer) => offer.status)
        .slice(0, 2)
        .sort(),
    ).toEqual(["accepted", "withdrawn"]);
    const sent = items.map((offer) => offer.sentAt);
    expect(sent).toEqual([...sent].sort());
  });

  it.each([
    ["pending", ["Shop waiting", "Shop declined"]],
    ["accepted", ["Shop taken"]],
    ["withdrawn", ["Shop taken"]],
    ["declined", ["Shop declined"]],
    ["expired", []],
  ])("filters by status %s", async (status, titles) => {
    const { items } = await listing(marta, `/api/offers?scope=all&status=${status}`);
    expect(items.map((offer) => offer.opportunityTitle)).toEqual(titles);
    expect(items.every((offer) => offer.status === status)).toBe(true);
  });

  it.each(["", "&status=pending", "&status=withdrawn"])(
    "pages through the offers with a cursor (%s)",
    async (filter) => {
      const whole = (await listing(marta, `/api/offers?scope=all${filter}`)).items;
      const paged = await allPages(marta, `/api/offers?scope=all${filter}`, 1);
      expect(paged.map((offer) => offer.id)).toEqual(whole.map((offer) => offer.id));
    },
  );

  it("keeps the caller's own pending offers as the default scope", async () => {
    const mine = await listing(ana, "/api/offers");
    expect(mine.items.map((offer) => offer.opportunityTitle)).toEqual([
      "Shop declined",
      "Shop waiting",
    ]);
    expect((await listing(luis, "/api/offers?status=pending")).items).toEqual([]);
  });

  it("refuses a seller every offer with 403 problem+json", async () => {
    const refused = await get(ana, "/api/offers?scope=all&status=pending");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
  });

  it.each([
    ["/api/offers?scope=all&status=lost", "query.status"],
    ["/api/offers?status=accepted", "query.status"],
    ["/api/offers?scope=everyone", "query.scope"],
    ["/api/offers?scope=all&status=declined&cursor=garbage", "query.cursor"],
  ])("names the bad field of %s", async (path, field) => {
    const refused = await get(marta, path);
    expect(refused.status).toBe(400);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(errorPaths(refused.body)).toEqual([field]);
  });
});
