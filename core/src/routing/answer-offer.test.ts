import { describe, expect, it } from "vitest";
import {
  activitiesOf,
  buildTask,
  codeOf,
  contextFor,
  manager,
  NOW,
  seller,
  written,
} from "../shared/builders.test-support.js";
import { type AnswerOfferInput, answerOffer } from "./answer-offer.js";
import { offerExpiryRef } from "./offer-deadlines.js";
import { buildOffer, catalog, firstRound, offerIn, routable } from "./routing.test-support.js";

const as = (userId: string) => contextFor(seller(userId));

const answer = (
  offerId: string,
  reply: AnswerOfferInput["answer"],
  offers = firstRound(),
  ctx = as(`user-${offerId.slice(-1)}`),
  overrides: Partial<AnswerOfferInput> = {},
) => {
  const offer = offers.find((candidate) => candidate.id === offerId);
  if (offer === undefined) throw new Error(`no ${offerId}`);
  return answerOffer(
    { offer, opportunity: routable(), offers, answer: reply, catalog: catalog(), ...overrides },
    ctx,
  );
};

describe("answerOffer: the first acceptance wins", () => {
  it("accepts the offer and makes its user the owner", () => {
    const outcome = answer("offer-2", "accept");

    expect(outcome.value).toMatchObject({
      status: "accepted",
      answeredAt: NOW.toISOString(),
      answeredBy: "user-2",
    });
    expect(written(outcome, "opportunity")).toMatchObject([
      { id: "opp-routed", ownerId: "user-2" },
    ]);
    expect(activitiesOf(outcome)).toMatchObject([
      { type: "owner-changed", from: null, to: "user-2" },
    ]);
  });

  it("withdraws the two other offers and closes their cards", () => {
    const outcome = answer("offer-2", "accept");

    expect(written(outcome, "offer").map((offer) => [offer.id, offer.status])).toEqual([
      ["offer-2", "accepted"],
      ["offer-1", "withdrawn"],
      ["offer-3", "withdrawn"],
    ]);
    expect(written(outcome, "notification")).toMatchObject([
      { id: "offer-closed:offer-2", type: "offer-closed", offerId: "offer-2", status: "accepted" },
      { id: "offer-closed:offer-1", type: "offer-closed", offerId: "offer-1", status: "withdrawn" },
      { id: "offer-closed:offer-3", type: "offer-closed", offerId: "offer-3", status: "withdrawn" },
    ]);
  });

  it("stops the expiry clock of all three offers", () => {
    const offers = firstRound();

    expect(answer("offer-2", "accept", offers).cancel).toEqual([
      offerExpiryRef(offerIn(offers, "offer-2")),
      offerExpiryRef(offerIn(offers, "offer-1")),
      offerExpiryRef(offerIn(offers, "offer-3")),
    ]);
  });

  it("refuses a later acceptance of a withdrawn offer", () => {
    const after = firstRound().map((offer) => ({
      ...offer,
      status: offer.id === "offer-2" ? ("accepted" as const) : ("withdrawn" as const),
    }));

    expect(codeOf(() => answer("offer-1", "accept", after))).toBe("conflict");
  });

  it("refuses an acceptance racing one already written", () => {
    const raced = firstRound().map((offer) =>
      offer.id === "offer-2" ? { ...offer, status: "accepted" as const } : offer,
    );

    expect(codeOf(() => answer("offer-1", "accept", raced))).toBe("conflict");
  });

  it("writes nothing when the acceptance is replayed", () => {
    const accepted = firstRound().map((offer) =>
      offer.id === "offer-2" ? { ...offer, status: "accepted" as const } : offer,
    );

    expect(answer("offer-2", "accept", accepted)).toMatchObject({ changes: [], cancel: [] });
  });

  it("refuses an acceptance once the response window has ended", () => {
    const late = contextFor(seller("user-1"), { now: new Date(NOW.getTime() + 3 * 86_400_000) });

    expect(codeOf(() => answer("offer-1", "accept", firstRound(), late))).toBe("invalid-state");
  });

  it("hands the previous owner's open tasks to the new owner", () => {
    const task = buildTask({ opportunityId: "opp-routed", ownerId: "manager-1" });
    const offer = offerIn(firstRound(), "offer-1");

    const outcome = answerOffer(
      {
        offer,
        opportunity: { ...routable(), ownerId: "manager-1" },
        offers: firstRound(),
        answer: "accept",
        catalog: catalog(),
        openTasks: [task],
      },
      as("user-1"),
    );

    expect(written(outcome, "task")).toMatchObject([{ id: task.id, ownerId: "user-1" }]);
  });

  it("may be answered by a manager for the target, not by another seller", () => {
    expect(answer("offer-1", "accept", firstRound(), contextFor(manager())).value.status).toBe(
      "accepted",
    );
    expect(codeOf(() => answer("offer-1", "accept", firstRound(), as("user-2")))).toBe("not-found");
  });
});

describe("answerOffer: declines", () => {
  it("declines the offer and stops its clock, leaving the others pending", () => {
    const offers = firstRound();

    const outcome = answer("offer-1", "decline", offers);

    expect(outcome.value.status).toBe("declined");
    expect(outcome.cancel).toEqual([offerExpiryRef(offerIn(offers, "offer-1"))]);
    expect(written(outcome, "offer")).toHaveLength(1);
    expect(written(outcome, "notification")).toMatchObject([
      { type: "offer-closed", offerId: "offer-1", status: "declined", actorId: "user-1" },
    ]);
  });

  it("asks the managers to choose when the last offer standing is declined, proposing the next-ranked", () => {
    const offers = firstRound().map((offer) =>
      offer.id === "offer-3" ? offer : { ...offer, status: "expired" as const },
    );

    const outcome = answer("offer-3", "decline", offers);

    expect(written(outcome, "notification").map((row) => row.id)).toEqual([
      "offer-closed:offer-3",
      "choose-another-target:opp-routed:3",
    ]);
    expect(written(outcome, "notification")[1]).toMatchObject({
      type: "choose-another-target",
      opportunityId: "opp-routed",
      proposedTargetIds: ["target-4", "target-5"],
      deliveredAt: null,
    });
  });

  it("writes nothing when the decline is replayed", () => {
    const declined = [buildOffer({ status: "declined" })];

    expect(answer("offer-1", "decline", declined).changes).toEqual([]);
  });

  it("cannot take back an acceptance", () => {
    const accepted = [buildOffer({ status: "accepted" })];

    expect(codeOf(() => answer("offer-1", "decline", accepted))).toBe("invalid-state");
  });
});
