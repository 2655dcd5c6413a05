import type { Locale, Offer, User } from "@dealflow/core";
import { describe, expect, it } from "vitest";
import { buildOffer } from "../../../core/src/routing/routing.test-support.js";
import { buildOpportunity, NOW, TENANT } from "../../../core/src/shared/builders.test-support.js";
import { buildRoutingTarget } from "../../../core/src/shared/fixtures.test-support.js";
import type { ConversationPort } from "../ports/conversations.js";
import { createInMemoryBotData } from "../testing/in-memory-bot-data.test-support.js";
import { handleCardAction } from "./handle-action.js";

const user = (id: string, name: string, role: User["role"] = "seller"): User => ({
  tenantId: TENANT,
  id,
  name,
  email: null,
  role,
  locale: "en",
  timeZone: "Europe/Madrid",
  active: true,
  teamIds: [],
  // A token confirmed the role just now (the bot trusts a stored manager role for a day).
  roleConfirmedAt: NOW.toISOString(),
});

const ANA = user("user-1", "Ana García");
const LUIS = user("user-2", "Luis Romero");
const MARTA = user("manager-1", "Marta Díaz", "manager");
const links = { teamsAppId: null, baseUrl: "https://dealflow.test" };

const world = (offers: Offer[]) =>
  createInMemoryBotData({
    users: [ANA, LUIS, MARTA],
    opportunities: [
      buildOpportunity({ id: "opp-routed", ownerId: null, title: "Web shop", deadlines: [] }),
    ],
    targets: [
      buildRoutingTarget({ id: "target-1", name: "Ana Studio", userId: ANA.id }),
      buildRoutingTarget({ id: "target-2", name: "Luis Web", userId: LUIS.id }),
      buildRoutingTarget({ id: "target-3", name: "Rosa Partners", userId: "user-3" }),
    ],
    offers,
    now: () => NOW,
  });

const twoOffers = () => [
  buildOffer({ id: "offer-1", targetId: "target-1", userId: ANA.id }),
  buildOffer({ id: "offer-2", targetId: "target-2", userId: LUIS.id }),
];

// Routing buttons never look at channels; Claim is the only verb that does.
const noConversations: ConversationPort = {
  save: async () => {},
  get: async () => null,
  deactivate: async () => {},
  listChannels: async () => [],
};

const press = async (
  data: ReturnType<typeof world>["data"],
  who: User,
  fields: Record<string, string>,
  locale: Locale = "en",
) => {
  const { verb, card, ...rest } = fields;
  const answer = await handleCardAction(
    { verb: verb as never, card: card as never, fields: rest },
    { tenantId: TENANT, userId: who.id, locale, channel: null, now: NOW },
    { data, links, conversations: noConversations },
  );
  return { ...answer, text: JSON.stringify(answer.card) };
};

describe("offer cards: Accept and Decline", () => {
  it("accepts from the card and answers it in its accepted state, without the buttons", async () => {
    const { data, offers, opportunities } = world(twoOffers());

    const answer = await press(data, ANA, {
      verb: "offer.accept",
      card: "offer",
      offerId: "offer-1",
    });

    expect(answer.changed).toBe(true);
    expect(answer.text).toContain("Accepted by Ana García");
    expect(answer.text).not.toContain("offer.accept");
    expect(offers.get("offer-2")?.status).toBe("withdrawn");
    expect(opportunities.get("opp-routed")?.ownerId).toBe(ANA.id);
  });

  it("answers a late Accept with a notice in the user's language, and writes nothing", async () => {
    const { data, commits } = world(twoOffers());
    await press(data, ANA, { verb: "offer.accept", card: "offer", offerId: "offer-1" });
    const written = commits.length;

    const late = await press(
      data,
      LUIS,
      { verb: "offer.accept", card: "offer", offerId: "offer-2" },
      "es",
    );

    expect(late.changed).toBe(false);
    expect(late.text).toContain(
      "Demasiado tarde: otro destinatario aceptó esta oportunidad primero.",
    );
    expect(commits).toHaveLength(written);
  });

  it("answers an offer addressed to someone else like one that does not exist", async () => {
    const { data, commits } = world(twoOffers());

    const answer = await press(data, LUIS, {
      verb: "offer.decline",
      card: "offer",
      offerId: "offer-1",
    });

    expect(answer.text).toContain("That no longer exists, or you cannot see it.");
    expect(commits).toEqual([]);
  });
});

describe("the managers' card: Route to", () => {
  const expired = () =>
    twoOffers().map((offer) => ({
      ...offer,
      status: "expired" as const,
      answeredAt: NOW.toISOString(),
    }));
  const routeTo = {
    verb: "routing.route",
    card: "choose-target",
    opportunityId: "opp-routed",
    targets: "target-3",
    targetId: "target-3",
  };

  it("refuses a seller before anything is written", async () => {
    const { data, commits } = world(expired());

    const answer = await press(data, LUIS, routeTo);

    expect(answer.changed).toBe(false);
    expect(answer.text).toContain("Only a manager can route an opportunity.");
    expect(commits).toEqual([]);
  });

  it("sends a manual offer to the chosen target and shows the card routed, without the buttons", async () => {
    const { data, offers } = world(expired());

    const answer = await press(data, MARTA, routeTo);

    expect(answer.changed).toBe(true);
    expect(answer.text).toContain("Offer sent to Rosa Partners; waiting for an answer.");
    expect(answer.text).not.toContain("routing.route");
    expect([...offers.values()].filter((offer) => offer.status === "pending")).toMatchObject([
      { targetId: "target-3", userId: "user-3", mode: "manual" },
    ]);
  });
});
