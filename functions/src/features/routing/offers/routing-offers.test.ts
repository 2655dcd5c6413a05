import { randomUUID } from "node:crypto";
import type { Offer as OfferView } from "@dealflow/contract";
import { chooseAnotherTargetNotificationId } from "@dealflow/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
  type TestUser,
} from "../../../../../tests/support/api-harness.js";
import { arrangeOpportunity, arrangeUser } from "../../../api/api.test-support.js";
import { resolveDeliveries } from "../../../notifications/recipients.js";
import { sweep } from "../../marketplace/marketplace.test-support.js";
import { createTarget, errorPaths, targetBody } from "../routing.test-support.js";

// SPEC §4.5 through the routes and the SLA sweep, with a clock the tests move by hand.
const DAY = 86_400_000;
let now = new Date("2026-03-02T09:00:00.000Z");
let harness: ApiHarness;
const tenant = randomUUID();
const marta = newTestUser(tenant, { manager: true, name: "Marta Díaz" });
const ana = newTestUser(tenant, { name: "Ana García" });
const luis = newTestUser(tenant, { name: "Luis Pérez" });
const pepe = newTestUser(tenant, { name: "Pepe Ruiz" });
const rosa = newTestUser(tenant, { name: "Rosa Smith" });
const outsider = newTestUser(randomUUID(), { manager: true });
const ids: Record<string, string> = {};

const myOffers = async (user: TestUser) =>
  ((await harness.call(user, "GET", "/api/offers?status=pending")).body as { items: OfferView[] })
    .items;
const route = (opportunityId: string, body: unknown, user = marta) =>
  harness.call(user, "POST", `/api/opportunities/${opportunityId}/routing`, { body });
const answer = (user: TestUser, offerId: string, verb: "accept" | "decline") =>
  harness.call(user, "POST", `/api/offers/${offerId}/${verb}`);
const offersOf = (opportunityId: string) =>
  harness.deps.store.listOffersOfOpportunity(tenant, opportunityId).then((page) => page.items);
/** The managers' "choose another target" outbox row of the first round (three offers). */
const promptOf = (opportunityId: string) =>
  harness.deps.store.getNotification(tenant, chooseAnotherTargetNotificationId(opportunityId, 3));
const notesOf = async (opportunityId: string) =>
  (
    (await harness.call(marta, "GET", `/api/opportunities/${opportunityId}/notes`)).body as {
      items: { text: string }[];
    }
  ).items.map((note) => note.text);
const newOpportunity = async () =>
  (await arrangeOpportunity(harness, { owner: marta, title: `Web shop ${randomUUID()}` })).id;
const AUTOMATIC = { mode: "automatic", criteria: { service: "web", language: "es" } };

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => now });
  for (const user of [marta, ana, luis, pepe, rosa, outsider]) await arrangeUser(harness, user);
  // Ranked for Spanish web work: primary language first, then level.
  const specs: [string, TestUser | null, Record<string, unknown>][] = [
    ["Ana Partners", ana, { level: "platinum" }],
    ["Luis Studio", luis, { level: "gold" }],
    ["Pepe Agency", pepe, { level: "silver" }],
    ["Rosa Partners", rosa, { primaryLanguage: "en", secondaryLanguages: ["es"] }],
    ["Nobody Home", null, { level: "platinum" }],
    ["Print Only", rosa, { services: ["print"] }],
  ];
  for (const [name, user, over] of specs) {
    ids[name] = (
      await createTarget(harness, marta, targetBody(name, user?.userId ?? null, over))
    ).id;
  }
});
afterAll(async () => {
  await harness?.close();
});

describe("automatic routing: first acceptance wins", () => {
  it("offers the top three, makes the first to accept the owner and withdraws the others", async () => {
    const opportunityId = await newOpportunity();
    const sent = await route(opportunityId, AUTOMATIC);
    expect(sent.status).toBe(200);
    const names = (sent.body as { items: OfferView[] }).items.map((offer) => offer.targetName);
    expect(names).toEqual(["Ana Partners", "Luis Studio", "Pepe Agency"]);

    const [luisOffer] = (await myOffers(luis)).filter((o) => o.opportunityId === opportunityId);
    expect(luisOffer).toMatchObject({ status: "pending", targetName: "Luis Studio" });
    const accepted = await answer(luis, luisOffer?.id ?? "", "accept");
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: "accepted", answeredBy: luis.userId });

    const opportunity = await harness.call(marta, "GET", `/api/opportunities/${opportunityId}`);
    expect(opportunity.body).toMatchObject({ ownerId: luis.userId });
    const statuses = Object.fromEntries(
      (await offersOf(opportunityId)).map((o) => [o.userId, o.status]),
    );
    expect(statuses).toEqual({
      [ana.userId]: "withdrawn",
      [luis.userId]: "accepted",
      [pepe.userId]: "withdrawn",
    });
    expect((await myOffers(ana)).filter((o) => o.opportunityId === opportunityId)).toEqual([]);

    // A late acceptance is refused as a conflict and changes nothing.
    const [anaOffer] = (await offersOf(opportunityId)).filter((o) => o.userId === ana.userId);
    const late = await answer(ana, anaOffer?.id ?? "", "accept");
    expect(late.status).toBe(412);
    expect(late.headers.get("content-type")).toContain("application/problem+json");
    expect(await harness.call(marta, "GET", `/api/opportunities/${opportunityId}`)).toMatchObject({
      body: { ownerId: luis.userId },
    });
    // Accepting again is the same answer: nothing new. Routing an accepted one is refused.
    expect((await answer(luis, luisOffer?.id ?? "", "accept")).status).toBe(200);
    expect((await route(opportunityId, AUTOMATIC)).status).toBe(409);

    // The accepted round's clocks were cancelled: the window's end fires nothing.
    now = new Date(now.getTime() + 4 * DAY);
    await sweep(harness);
    expect(await promptOf(opportunityId)).toBeNull();
    expect(await notesOf(opportunityId)).toEqual([]);
  });
});

describe("every offer declined or expired", () => {
  it("expires the last offer by the SLA sweep and asks the managers once, naming the next targets", async () => {
    const opportunityId = await newOpportunity();
    await route(opportunityId, AUTOMATIC);
    const offers = await offersOf(opportunityId);
    const of = (user: TestUser) => offers.find((o) => o.userId === user.userId)?.id ?? "";
    expect((await answer(ana, of(ana), "decline")).body).toMatchObject({ status: "declined" });
    expect((await answer(luis, of(luis), "decline")).status).toBe(200);
    expect(await promptOf(opportunityId)).toBeNull();

    now = new Date(now.getTime() + 3 * DAY + 60_000);
    await sweep(harness);
    await sweep(harness);
    const statuses = (await offersOf(opportunityId)).map((o) => o.status).sort();
    expect(statuses).toEqual(["declined", "declined", "expired"]);
    const outboxRow = await promptOf(opportunityId);
    expect(outboxRow).toMatchObject({
      type: "choose-another-target",
      proposedTargetIds: [ids["Rosa Partners"]],
      actorId: null,
    });
    if (outboxRow === null) throw new Error("the prompt has no outbox row");
    // No system note any more: the prompt is its own notification, not a timeline line.
    expect(await notesOf(opportunityId)).toEqual([]);
    // The prompt reaches the managers personally (no channel is linked in this tenant).
    const deliveries = await resolveDeliveries(harness.deps.store, outboxRow);
    expect(deliveries).toEqual([
      expect.objectContaining({
        to: "user",
        userId: marta.userId,
        card: expect.objectContaining({ kind: "choose-another-target" }),
      }),
    ]);
    // An expired offer takes no acceptance.
    expect((await answer(pepe, of(pepe), "accept")).status).toBe(409);
  });
});

describe("answers at the same moment", () => {
  it("lets exactly one of two simultaneous acceptances win", async () => {
    const opportunityId = await newOpportunity();
    await route(opportunityId, AUTOMATIC);
    const offers = await offersOf(opportunityId);
    const of = (user: TestUser) => offers.find((o) => o.userId === user.userId)?.id ?? "";
    const answers = await Promise.all([
      answer(ana, of(ana), "accept"),
      answer(luis, of(luis), "accept"),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 412]);
    const accepted = (await offersOf(opportunityId)).filter((o) => o.status === "accepted");
    expect(accepted).toHaveLength(1);
    const owner = await harness.deps.store.getOpportunity(tenant, opportunityId);
    expect(owner?.ownerId).toBe(accepted[0]?.userId);
  });

  it("asks the managers once when the last two offers are declined together", async () => {
    const opportunityId = await newOpportunity();
    await route(opportunityId, AUTOMATIC);
    const offers = await offersOf(opportunityId);
    const of = (user: TestUser) => offers.find((o) => o.userId === user.userId)?.id ?? "";
    await answer(ana, of(ana), "decline");
    const answers = await Promise.all([
      answer(luis, of(luis), "decline"),
      answer(pepe, of(pepe), "decline"),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(await promptOf(opportunityId)).toMatchObject({
      proposedTargetIds: [ids["Rosa Partners"]],
    });
  });
});

describe("manual routing and permissions", () => {
  it("sends one offer to the manager's pick and names targetId when it cannot", async () => {
    const opportunityId = await newOpportunity();
    const sent = await route(opportunityId, { mode: "manual", targetId: ids["Rosa Partners"] });
    expect((sent.body as { items: OfferView[] }).items).toMatchObject([
      { targetName: "Rosa Partners", userId: rosa.userId, mode: "manual", status: "pending" },
    ]);
    for (const targetId of [ids["Nobody Home"], "unknown-target"]) {
      const refused = await route(opportunityId, { mode: "manual", targetId });
      expect(refused.status).toBe(400);
      expect(errorPaths(refused.body)).toEqual(["targetId"]);
    }
    const invalid = await route(opportunityId, { mode: "sideways" });
    expect(invalid.status).toBe(400);
    expect(errorPaths(invalid.body)).toContain("mode");
    expect(await offersOf(opportunityId)).toHaveLength(1);
  });

  it("lets no seller route, nor answer another's offer, nor another tenant see anything", async () => {
    const own = (await arrangeOpportunity(harness, { owner: ana, title: "Ana's lead" })).id;
    expect((await route(own, AUTOMATIC, ana)).status).toBe(403);
    expect(await offersOf(own)).toEqual([]);

    const opportunityId = await newOpportunity();
    await route(opportunityId, { mode: "manual", targetId: ids["Luis Studio"] });
    const [offer] = await offersOf(opportunityId);
    expect((await answer(ana, offer?.id ?? "", "accept")).status).toBe(404);
    expect((await answer(outsider, offer?.id ?? "", "decline")).status).toBe(404);
    expect((await route(opportunityId, AUTOMATIC, outsider)).status).toBe(404);
    expect((await offersOf(opportunityId)).map((o) => o.status)).toEqual(["pending"]);
  });
});
