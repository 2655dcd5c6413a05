import { describe, expect, it } from "vitest";
import {
  activitiesOf,
  buildOpportunity,
  codeOf,
  contextFor,
  manager,
  NOW,
  pathsOf,
  seller,
} from "../shared/builders.test-support.js";
import { editOpportunity } from "./edit-opportunity.js";

describe("editOpportunity", () => {
  it("changes the given details and names them on the timeline", () => {
    const opportunity = buildOpportunity({ title: "Acme", campaign: null, tags: [] });

    const result = editOpportunity(
      {
        opportunity,
        patch: { title: " Acme rebrand ", value: { amount: 5000, currency: "EUR" }, tags: ["VIP"] },
      },
      contextFor(seller()),
    );

    expect(result.value).toMatchObject({
      title: "Acme rebrand",
      value: { amount: 5000, currency: "EUR" },
      tags: ["vip"],
      campaign: null,
      updatedAt: NOW.toISOString(),
    });
    expect(activitiesOf(result)).toEqual([
      expect.objectContaining({ type: "details-changed", fields: ["title", "value", "tags"] }),
    ]);
  });

  it("writes nothing when the details are already as asked", () => {
    const opportunity = buildOpportunity({ title: "Acme", tags: ["vip"] });
    const result = editOpportunity(
      { opportunity, patch: { title: "Acme", tags: ["VIP"] } },
      contextFor(manager()),
    );
    expect(result.changes).toEqual([]);
  });

  it("clears value and campaign with null", () => {
    const opportunity = buildOpportunity({
      value: { amount: 1, currency: "EUR" },
      campaign: "spring",
    });
    const result = editOpportunity(
      { opportunity, patch: { value: null, campaign: null } },
      contextFor(manager()),
    );
    expect(result.value).toMatchObject({ value: null, campaign: null });
  });

  it("names every invalid field", () => {
    expect(
      pathsOf(() =>
        editOpportunity(
          {
            opportunity: buildOpportunity(),
            patch: { title: "  ", value: { amount: -1, currency: "euro" } },
          },
          contextFor(seller()),
        ),
      ),
    ).toEqual(["title", "value.amount", "value.currency"]);
  });

  it("lets a follower read but not edit", () => {
    const opportunity = buildOpportunity({ followers: ["seller-2"] });
    expect(
      codeOf(() =>
        editOpportunity({ opportunity, patch: { title: "X" } }, contextFor(seller("seller-2"))),
      ),
    ).toBe("forbidden");
  });

  it("hides what the user cannot see", () => {
    expect(
      codeOf(() =>
        editOpportunity(
          { opportunity: buildOpportunity(), patch: { title: "X" } },
          contextFor(seller("seller-9")),
        ),
      ),
    ).toBe("not-found");
  });

  it("moves it to another of the tenant's sources, and refuses one the tenant does not have", () => {
    const opportunity = buildOpportunity({ source: "web-form" });
    const moved = editOpportunity(
      { opportunity, patch: { source: "referral" } },
      contextFor(seller()),
    );
    expect(moved.value.source).toBe("referral");
    expect(activitiesOf(moved)).toEqual([
      expect.objectContaining({ type: "details-changed", fields: ["source"] }),
    ]);
    expect(
      pathsOf(() =>
        editOpportunity({ opportunity, patch: { source: "carrier-pigeon" } }, contextFor(seller())),
      ),
    ).toEqual(["source"]);
  });

  it("keeps a source since removed from settings when the form sends it back unchanged", () => {
    const opportunity = buildOpportunity({ source: "fax" });
    const result = editOpportunity(
      { opportunity, patch: { source: "fax", title: "Renamed" } },
      contextFor(seller()),
    );
    expect(result.value).toMatchObject({ source: "fax", title: "Renamed" });
  });
});
