import {
  chooseAnotherTargetNotificationId,
  DAY_MS,
  offerSentNotificationId,
  type RoutingTarget,
  type User,
  type Viewer,
} from "@dealflow/core";
import { describe, expect, it } from "vitest";
import { routeOpportunity } from "../functions/src/features/routing/index.js";
import { runSweep } from "../functions/src/sla/sla-sweep.js";
import { eventually } from "./support/bot-host.js";
import { useBotTestbed } from "./support/bot-testbed.js";
import type { ConnectorCall } from "./support/fake-connector.js";
import { applyHiddenApplication } from "./support/hidden-application.js";
import { cardWarnings } from "./support/parse-card.js";

// SPEC §4.5 through the bot: offer cards with Accept / Decline to the targets' users, their
// final state written over them, and the managers' "choose another target" card with Route to.
// Everything a user does is an Activity over HTTP into the real host; cards are counted at the
// stand-in Bot Connector. The opportunities come from a marketplace with the client hidden.

const bot = useBotTestbed({ validateCards: true, minCards: 10 });

const TEAM = { teamId: "19:routing-team@thread.tacv2", channelId: "19:routing@thread.tacv2" };
const CLIENT_SECRETS = ["Zoe", "Quintana", "zoe@quintana-labs.example", "611 222 333"];
const CRITERIA = { service: "web", language: "es" };

const store = () => bot.host.deps.store;
const tenant = () => bot.host.tenantId;
const chat = (userId: string) => `a:personal-${userId}`;
const viewer = (user: User): Viewer => ({
  tenantId: user.tenantId,
  userId: user.id,
  role: user.role,
  teamIds: [],
});
const seller = (key: string, name: string): User => ({
  ...bot.host.users.ana,
  id: `de300000-0000-4000-8000-${key.padStart(12, "0")}`,
  name,
  email: `${key}@dealflow.demo`,
});
const target = (name: string, userId: string, over: Partial<RoutingTarget>): RoutingTarget => ({
  tenantId: tenant(),
  id: `target-${name.toLowerCase().replaceAll(" ", "-")}`,
  name,
  type: "agency",
  level: "none",
  country: "ES",
  primaryLanguage: "es",
  secondaryLanguages: [],
  services: ["web"],
  active: true,
  rating: 4,
  reviewCount: 3,
  completedProjects: 3,
  userId,
  ...over,
});

const applyHidden = () => applyHiddenApplication(store(), tenant());

const routeAutomatically = async (opportunityId: string) =>
  (
    await routeOpportunity(
      { store: store(), clock: () => new Date() },
      viewer(bot.host.users.marta),
      opportunityId,
      { mode: "automatic", criteria: CRITERIA },
    )
  ).offers;

const cardOf = (call: ConnectorCall | undefined): string =>
  JSON.stringify((call?.body as { attachments?: { content?: unknown }[] })?.attachments?.[0]);

/** The first call to a conversation (after `from`) whose card contains every text. */
const cardIn = (conversationId: string, texts: string[], method = "POST", from = 0) =>
  eventually(() => {
    const call = bot.connector
      .callsTo(conversationId)
      .filter((candidate) => candidate.at >= from && candidate.method === method)
      .find((candidate) => texts.every((text) => cardOf(candidate).includes(text)));
    return call ?? null;
  });

/** The message id the connector gave a delivered card (the delivery log keeps it). */
const messageIdOf = async (notificationId: string, recipient: string): Promise<string> => {
  const log = store().deliveryLog;
  const sent = await eventually(() => log.getSent(tenant(), notificationId, recipient));
  if (!sent.activityId) throw new Error(`${notificationId} has no message for ${recipient}`);
  return sent.activityId;
};

/** Posts the invoke Teams sends when a card's button is pressed; resolves with the answer. */
const press = async (
  user: User,
  data: Record<string, string>,
  replyToId: string,
  channel?: typeof TEAM,
) => {
  const answer = await bot.post(user.id, {
    type: "invoke",
    name: "adaptiveCard/action",
    replyToId,
    ...(channel ? { channel } : {}),
    value: { action: { type: "Action.Execute", verb: data.verb, data }, trigger: "manual" },
  });
  expect(answer.status).toBe(200);
  const body = answer.body as { statusCode: number; value: unknown };
  expect(body.statusCode).toBe(200);
  expect(cardWarnings(body.value)).toEqual([]);
  return JSON.stringify(body.value);
};

const pablo = () => seller("d4", "Pablo Ortega");
const rosa = () => seller("e5", "Rosa Smith");

describe("routing offers and the managers' prompt through the bot", () => {
  let first = "";
  const ana = () => bot.host.users.ana;
  const luis = () => bot.host.users.luis;
  const marta = () => bot.host.users.marta;

  it("sends an offer card with Accept and Decline to each of the three best targets' users", async () => {
    await store().commit(tenant(), {
      changes: [
        ...[pablo(), rosa()].map((user) => ({
          entity: "user" as const,
          before: null,
          after: user,
        })),
        ...[
          target("Ana Studio", ana().id, { level: "platinum" }),
          target("Luis Web", luis().id, { level: "gold" }),
          target("Pablo Agency", pablo().id, { level: "silver" }),
          target("Rosa Partners", rosa().id, { primaryLanguage: "en", secondaryLanguages: ["es"] }),
        ].map((after) => ({ entity: "routing-target" as const, before: null, after })),
      ],
      schedule: [],
      cancel: [],
    });
    for (const user of [ana(), luis(), pablo(), rosa(), marta()]) {
      await bot.post(user.id, { type: "installationUpdate", action: "add" });
    }
    const settings = await store().getSettings(tenant());
    const pipeline = settings.pipelines[0]?.name ?? "";
    await bot.post(marta().id, { text: `<at>Dealflow</at> link ${pipeline}`, channel: TEAM });

    first = await applyHidden();
    const offers = await routeAutomatically(first);
    expect(offers.map((offer) => offer.userId).sort()).toEqual(
      [ana().id, luis().id, pablo().id].sort(),
    );
    for (const user of [ana(), luis(), pablo()]) {
      const card = cardOf(await cardIn(chat(user.id), ["Routing offer", "Answer by"]));
      expect(card).toContain('"verb":"offer.accept"');
      expect(card).toContain('"verb":"offer.decline"');
      expect(card).toContain("service web, language es");
    }
  });

  it("makes Luis the owner when he presses Accept, and turns the other two cards into 'withdrawn'", async () => {
    const offers = (await store().listOffersOfOpportunity(tenant(), first)).items;
    const offerOf = (userId: string) => offers.find((o) => o.userId === userId)?.id ?? "";
    const messageOf = (userId: string) =>
      messageIdOf(offerSentNotificationId(offerOf(userId)), `user:${userId}`);
    const luisMessage = await messageOf(luis().id);
    const pressedAt = Date.now();

    const answer = await press(
      luis(),
      { verb: "offer.accept", card: "offer", offerId: offerOf(luis().id) },
      luisMessage,
    );

    expect(answer).toContain("Accepted by Luis Romero");
    expect(answer).not.toContain('"verb":"offer.accept"');
    expect((await store().getOpportunity(tenant(), first))?.ownerId).toBe(luis().id);
    const statuses = (await store().listOffersOfOpportunity(tenant(), first)).items
      .map((offer) => offer.status)
      .sort();
    expect(statuses).toEqual(["accepted", "withdrawn", "withdrawn"]);
    for (const userId of [ana().id, pablo().id]) {
      const update = await cardIn(
        chat(userId),
        ["Withdrawn: another target accepted."],
        "PUT",
        pressedAt,
      );
      expect(update.path).toBe(
        `/v3/conversations/${chat(userId)}/activities/${await messageOf(userId)}`,
      );
      expect(cardOf(update)).not.toContain('"verb":"offer.accept"');
    }

    // Ana's late Accept is refused in words, and changes nothing.
    const late = await press(
      ana(),
      { verb: "offer.accept", card: "offer", offerId: offerOf(ana().id) },
      await messageOf(ana().id),
    );
    expect(late).toContain("Too late: another target accepted this opportunity first.");
    expect((await store().getOpportunity(tenant(), first))?.ownerId).toBe(luis().id);
  });

  it("asks each manager and the linked channel to choose when every offer expires, and routes from the card", async () => {
    const second = await applyHidden();
    const sent = await routeAutomatically(second);
    // Each offer card must be out (its message id logged) before the offers expire: only a
    // delivered card can be updated in place.
    for (const offer of sent) {
      await messageIdOf(offerSentNotificationId(offer.id), `user:${offer.userId}`);
    }
    const windowEnd = Date.now() + 3 * DAY_MS + 60_000;
    // Expiries of one round conflict on their siblings' rows; the losers re-check at the next
    // sweep once their lease (120 s) has passed.
    for (let round = 0; round < 4; round++) {
      const later = new Date(windowEnd + round * 121_000);
      await runSweep({
        store: store(),
        publish: async () => {},
        clock: () => later,
        leaseSeconds: 120,
        budgetMs: 60_000,
      });
      const offers = (await store().listOffersOfOpportunity(tenant(), second)).items;
      if (offers.every((offer) => offer.status !== "pending")) break;
    }
    const statuses = (await store().listOffersOfOpportunity(tenant(), second)).items.map(
      (offer) => offer.status,
    );
    statuses.sort();
    expect(statuses).toEqual(["expired", "expired", "expired"]);
    for (const userId of [ana().id, luis().id, pablo().id]) {
      await cardIn(chat(userId), ["Expired: nobody answered in time."], "PUT");
    }
    const expected = ["Choose another target", "Rosa Partners", "Route to Rosa Partners"];
    const personal = cardOf(await cardIn(chat(marta().id), expected));
    const posted = cardOf(await cardIn(TEAM.channelId, expected));
    expect(personal).toContain("agency, no level, rated 4.0 (3 reviews)");
    expect(posted).toContain('"verb":"routing.route"');

    const prompt = chooseAnotherTargetNotificationId(second, 3);
    const channelMessage = await messageIdOf(prompt, `channel:${TEAM.teamId}:${TEAM.channelId}`);
    const rosaTarget = target("Rosa Partners", rosa().id, {}).id;
    const data = {
      verb: "routing.route",
      card: "choose-target",
      opportunityId: second,
      targets: rosaTarget,
      targetId: rosaTarget,
    };

    // A seller pressing Route to is refused, and nothing is written.
    const rows = (await store().listOffersOfOpportunity(tenant(), second)).items.length;
    const refused = await press(luis(), data, channelMessage, TEAM);
    expect(refused).toContain("Only a manager can route an opportunity.");
    expect((await store().listOffersOfOpportunity(tenant(), second)).items).toHaveLength(rows);

    const routed = await press(marta(), data, channelMessage, TEAM);
    expect(routed).toContain("Offer sent to Rosa Partners");
    expect(routed).not.toContain('"verb":"routing.route"');
    const manual = (await store().listOffersOfOpportunity(tenant(), second)).items.filter(
      (offer) => offer.status === "pending",
    );
    expect(manual).toMatchObject([{ mode: "manual", userId: rosa().id, targetId: rosaTarget }]);
    await cardIn(chat(rosa().id), ["Routing offer", '"verb":"offer.accept"']);
  });

  it("never names the hidden client in any card", () => {
    const cards = JSON.stringify(bot.connector.cards());
    for (const secret of CLIENT_SECRETS) expect(cards).not.toContain(secret);
  });
});
