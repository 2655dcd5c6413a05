import { describe, expect, it } from "vitest";
import { contextFor, NOW, seller, written } from "../shared/builders.test-support.js";
import { answerOffer } from "./answer-offer.js";
import { offerExpiryDeadline } from "./offer-deadlines.js";
import { type OfferExpiryFiring, offerExpired } from "./offer-expired.js";
import { CRITERIA, catalog, offerIn, routable } from "./routing.test-support.js";
import type { Offer } from "./routing.types.js";
import { sendOffers } from "./send-offers.js";

const WINDOW_END = new Date(NOW.getTime() + 3 * 86_400_000);

/** Replaces the offers a step wrote, as the store would. */
const apply = (offers: Offer[], written: Offer[]): Offer[] =>
  offers.map((offer) => written.find((w) => w.id === offer.id) ?? offer);

const expired = (firing: OfferExpiryFiring) => {
  if (!firing.fire) throw new Error(`expected the offer to expire, got ${firing.reason}`);
  return firing;
};

const round = () =>
  sendOffers(
    {
      opportunity: routable(),
      criteria: CRITERIA,
      offers: [],
      catalog: catalog(),
      mode: "automatic",
    },
    contextFor(null),
  ).value;

describe("an automatic routing round", () => {
  it("sends three offers; the second to accept finds the first won", () => {
    let offers = round();
    const [a, b, c] = offers.map((offer) => offer.id);
    const accept = (id: string | undefined) => {
      const offer = offerIn(offers, id ?? "");
      return answerOffer(
        { offer, opportunity: routable(), offers, answer: "accept", catalog: catalog() },
        contextFor(seller(offer.userId)),
      );
    };

    const won = accept(b);
    offers = apply(offers, written(won, "offer"));

    expect(offers.map((offer) => offer.status)).toEqual(["withdrawn", "accepted", "withdrawn"]);
    expect(() => accept(a)).toThrow(/accepted this opportunity first/);
    expect(() => accept(c)).toThrow(/accepted this opportunity first/);
  });

  it("ends with the managers asked to choose among the next-ranked when all expire or decline", () => {
    let offers = round();
    const step = (id: string, how: "decline" | "expire") => {
      const offer = offerIn(offers, id);
      const outcome =
        how === "decline"
          ? answerOffer(
              { offer, opportunity: routable(), offers, answer: "decline", catalog: catalog() },
              contextFor(seller(offer.userId)),
            )
          : expired(
              offerExpired(
                {
                  deadline: offerExpiryDeadline(offer),
                  offer,
                  opportunity: routable(),
                  offers,
                  catalog: catalog(),
                },
                contextFor(null, { now: WINDOW_END }),
              ),
            );
      offers = apply(offers, written(outcome, "offer"));
      return written(outcome, "notification").filter((row) => row.type === "choose-another-target");
    };
    const [a, b, c] = offers.map((offer) => offer.id) as [string, string, string];

    expect(step(a, "decline")).toEqual([]);
    expect(step(b, "expire")).toEqual([]);
    expect(step(c, "expire")).toMatchObject([{ proposedTargetIds: ["target-4", "target-5"] }]);
  });
});
