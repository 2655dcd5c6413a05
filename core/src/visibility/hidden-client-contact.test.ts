import { describe, expect, it } from "vitest";
import type { ContactVisibility } from "../opportunity/opportunity.types.js";
import { buildOpportunity } from "../shared/builders.test-support.js";
import { buildMarketplaceApplication } from "../shared/fixtures.test-support.js";
import { isContactReachable } from "./hidden-client-contact.js";

const application = (visibility: ContactVisibility) =>
  buildOpportunity({ id: "opp-app", marketplace: buildMarketplaceApplication({ visibility }) });

describe("isContactReachable", () => {
  it("reaches an ordinary contact from anywhere", () => {
    expect(isContactReachable({}, null, "opp-other")).toBe(true);
    expect(isContactReachable({ clientOf: null }, null, null)).toBe(true);
  });

  it.each(["hidden", "withheld"] as const)(
    "reaches a %s client only through its own application",
    (visibility) => {
      const client = { clientOf: "opp-app" };

      expect(isContactReachable(client, application(visibility), "opp-app")).toBe(true);
      expect(isContactReachable(client, application(visibility), "opp-other")).toBe(false);
      expect(isContactReachable(client, application(visibility), null)).toBe(false);
    },
  );

  it("reaches a revealed client from anywhere", () => {
    expect(isContactReachable({ clientOf: "opp-app" }, application("revealed"), null)).toBe(true);
  });

  it("does not take another opportunity for the application", () => {
    const other = { ...application("hidden"), id: "opp-x" };

    expect(isContactReachable({ clientOf: "opp-app" }, other, null)).toBe(true);
  });
});
