import { describe, expect, it } from "vitest";
import { buildOffer } from "../routing/routing.test-support.js";
import { buildOpportunity } from "../shared/builders.test-support.js";
import { buildMarketplaceApplication } from "../shared/fixtures.test-support.js";
import { reviewRequestFor } from "./review-request.js";

const won = buildOpportunity({ id: "opp-routed", status: "won", stage: "won" });
const accepted = buildOffer({ id: "offer-2", targetId: "target-2", status: "accepted" });

describe("reviewRequestFor", () => {
  it("asks the Contact to review the accepted target when a routed opportunity is won", () => {
    expect(
      reviewRequestFor({ status: "open" }, won, [buildOffer({ status: "withdrawn" }), accepted]),
    ).toEqual({
      type: "review-request",
      id: "review-request:opp-routed:offer-2",
      opportunityId: "opp-routed",
      contactId: won.contact.id,
      targetId: "target-2",
    });
  });

  it.each([
    { case: "the opportunity was already won", before: "won", after: won, offers: [accepted] },
    {
      case: "it is lost, not won",
      before: "open",
      after: { ...won, status: "lost" },
      offers: [accepted],
    },
    {
      case: "no offer was accepted",
      before: "open",
      after: won,
      offers: [buildOffer({ status: "expired" })],
    },
    { case: "it was never routed", before: "open", after: won, offers: [] },
    {
      case: "the client is hidden",
      before: "open",
      after: { ...won, marketplace: buildMarketplaceApplication({ visibility: "withheld" }) },
      offers: [accepted],
    },
  ] as const)("asks nothing when $case", ({ before, after, offers }) => {
    expect(reviewRequestFor({ status: before }, after, offers)).toBeNull();
  });
});
