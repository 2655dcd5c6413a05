import { describe, expect, it } from "vitest";
import { contextFor, NOW, written } from "../shared/builders.test-support.js";
import type { Deadline } from "../sla/deadline.types.js";
import { offerExpiryDeadline } from "./offer-deadlines.js";
import { offerExpired } from "./offer-expired.js";
import { buildOffer, catalog, firstRound, offerIn, routable } from "./routing.test-support.js";
import type { Offer } from "./routing.types.js";

const WINDOW_END = new Date(NOW.getTime() + 3 * 86_400_000);
const atWindowEnd = contextFor(null, { now: WINDOW_END });

const expire = (
  offer: Offer | null,
  offers: Offer[],
  deadline: Deadline = offerExpiryDeadline(buildOffer()),
  ctx = atWindowEnd,
) => offerExpired({ deadline, offer, opportunity: routable(), offers, catalog: catalog() }, ctx);

describe("offerExpired", () => {
  it("expires a pending offer at the end of its response window and closes its card", () => {
    const first = offerIn(firstRound(), "offer-1");

    const firing = expire(first, firstRound());

    if (!firing.fire) throw new Error("expected the offer to expire");
    expect(written(firing, "offer")).toMatchObject([
      { id: "offer-1", status: "expired", answeredAt: WINDOW_END.toISOString() },
    ]);
    expect(written(firing, "notification")).toEqual([
      {
        tenantId: first.tenantId,
        id: "offer-closed:offer-1",
        createdAt: WINDOW_END.toISOString(),
        opportunityId: "opp-routed",
        actorId: null,
        deliveredAt: null,
        type: "offer-closed",
        offerId: "offer-1",
        status: "expired",
      },
    ]);
  });

  it("proposes the next-ranked targets to the managers when the last offer expires", () => {
    const offers = firstRound().map((offer) =>
      offer.id === "offer-3"
        ? offer
        : {
            ...offer,
            status: offer.id === "offer-1" ? ("declined" as const) : ("expired" as const),
          },
    );
    const last = offerIn(offers, "offer-3");

    const firing = expire(last, offers, offerExpiryDeadline(last));

    if (!firing.fire) throw new Error("expected the offer to expire");
    expect(written(firing, "notification")[1]).toMatchObject({
      type: "choose-another-target",
      id: "choose-another-target:opp-routed:3",
      opportunityId: "opp-routed",
      actorId: null,
      proposedTargetIds: ["target-4", "target-5"],
    });
  });

  it("proposes nothing while another offer is still pending", () => {
    const firing = expire(offerIn(firstRound(), "offer-1"), firstRound());

    if (!firing.fire) throw new Error("expected the offer to expire");
    expect(written(firing, "notification").map((row) => row.type)).toEqual(["offer-closed"]);
  });

  it.each([
    {
      case: "before the window ends",
      offer: buildOffer(),
      ctx: contextFor(null),
      reason: "not-due-yet",
    },
    { case: "for an offer that is gone", offer: null, ctx: atWindowEnd, reason: "subject-gone" },
    {
      case: "for an offer already answered",
      offer: buildOffer({ status: "accepted" }),
      ctx: atWindowEnd,
      reason: "subject-settled",
    },
    {
      case: "for an offer whose window changed",
      offer: buildOffer({ expiresAt: new Date(WINDOW_END.getTime() + 3_600_000).toISOString() }),
      ctx: atWindowEnd,
      reason: "subject-moved",
    },
  ])("does nothing $case", ({ offer, ctx, reason }) => {
    expect(expire(offer, [], offerExpiryDeadline(buildOffer()), ctx)).toEqual({
      fire: false,
      reason,
    });
  });
});
