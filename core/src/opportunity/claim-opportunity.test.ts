import { describe, expect, it } from "vitest";
import {
  activitiesOf,
  buildOpportunity,
  codeOf,
  contextFor,
  seller,
} from "../shared/builders.test-support.js";
import { claimOpportunity } from "./claim-opportunity.js";

describe("claimOpportunity", () => {
  it("makes the claiming seller the owner of an unassigned opportunity", () => {
    const result = claimOpportunity(
      { opportunity: buildOpportunity({ ownerId: null }) },
      contextFor(seller("seller-2")),
    );

    expect(result.value.ownerId).toBe("seller-2");
    expect(activitiesOf(result)).toEqual([
      expect.objectContaining({ type: "owner-changed", from: null, to: "seller-2" }),
    ]);
  });

  it("refuses an opportunity that already has an owner", () => {
    expect(
      codeOf(() =>
        claimOpportunity(
          { opportunity: buildOpportunity({ ownerId: "seller-1" }) },
          contextFor(seller("seller-2")),
        ),
      ),
    ).toBe("invalid-state");
  });

  it("refuses the system as a claimer", () => {
    expect(
      codeOf(() =>
        claimOpportunity({ opportunity: buildOpportunity({ ownerId: null }) }, contextFor(null)),
      ),
    ).toBe("invalid-state");
  });
});
