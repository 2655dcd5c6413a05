import { describe, expect, it } from "vitest";
import { contextFor, NOW, seller, written } from "../shared/builders.test-support.js";
import { answerOffer } from "./answer-offer.js";
import { offerExpiryDeadline } from "./offer-deadlines.js";
import { offerExpired } from "./offer-expired.js";
import { buildOffer, catalog, firstRound, offerIn, routable } from "./routing.test-support.js";

// The outbox rows of a routing round: their ids are deterministic, so the store refuses a
// second row for the same event (a retried write, a second sweep, two endings of one round).

const WINDOW_END = new Date(NOW.getTime() + 3 * 86_400_000);

/** Offers 1 and 2 already failed; offer 3 is the last one standing. */
const lastStanding = () =>
  firstRound().map((offer) =>
    offer.id === "offer-3" ? offer : { ...offer, status: "declined" as const },
  );

describe("routing notifications", () => {
  it("proposes the same round under one id whether its last offer is declined or expires", () => {
    const offers = lastStanding();
    const last = offerIn(offers, "offer-3");

    const declined = answerOffer(
      { offer: last, opportunity: routable(), offers, answer: "decline", catalog: catalog() },
      contextFor(seller("user-3")),
    );
    const expiry = offerExpired(
      {
        deadline: offerExpiryDeadline(last),
        offer: last,
        opportunity: routable(),
        offers,
        catalog: catalog(),
      },
      contextFor(null, { now: WINDOW_END }),
    );

    if (!expiry.fire) throw new Error("expected the offer to expire");
    const prompt = (set: typeof declined) =>
      written(set, "notification").find((row) => row.type === "choose-another-target");
    expect(prompt(declined)?.id).toBe("choose-another-target:opp-routed:3");
    expect(prompt(expiry)?.id).toBe(prompt(declined)?.id);
  });

  it("names the offer and its final state, so delivery finds the card to update", () => {
    const outcome = answerOffer(
      {
        offer: buildOffer(),
        opportunity: routable(),
        offers: [buildOffer()],
        answer: "decline",
        catalog: catalog(),
      },
      contextFor(seller("user-1")),
    );

    expect(written(outcome, "notification")).toEqual([
      {
        tenantId: "tenant-a",
        id: "offer-closed:offer-1",
        createdAt: NOW.toISOString(),
        opportunityId: "opp-routed",
        actorId: "user-1",
        deliveredAt: null,
        type: "offer-closed",
        offerId: "offer-1",
        status: "declined",
      },
      expect.objectContaining({ type: "choose-another-target", actorId: "user-1" }),
    ]);
  });

  it("tells nobody anything for a repeated answer", () => {
    const declined = buildOffer({ status: "declined" });

    const outcome = answerOffer(
      {
        offer: declined,
        opportunity: routable(),
        offers: [declined],
        answer: "decline",
        catalog: catalog(),
      },
      contextFor(seller("user-1")),
    );

    expect(written(outcome, "notification")).toEqual([]);
  });
});
