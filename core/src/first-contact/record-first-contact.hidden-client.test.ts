import { describe, expect, it } from "vitest";
import type {
  ContactVisibility,
  MarketplaceApplication,
  Opportunity,
} from "../opportunity/opportunity.types.js";
import { buildOpportunity, domainErrorOf, manager } from "../shared/builders.test-support.js";
import { record } from "./first-contact.test-support.js";
import type { FirstContactChoice } from "./first-contact-choice.js";

const application = (visibility: ContactVisibility): MarketplaceApplication => ({
  connectorKey: "workana",
  visibility,
  appliedAt: "2026-03-02T08:00:00.000Z",
  brief: "A new Shopify store",
  meetingAt: null,
  meetingUrl: null,
  meetingHeld: false,
  fee: null,
  refund: "none",
  refundReason: null,
  revealedAt: visibility === "revealed" ? "2026-03-02T08:30:00.000Z" : null,
});

const fromMarketplace = (visibility: ContactVisibility): Opportunity =>
  buildOpportunity({ source: "marketplace", marketplace: application(visibility) });

const actions: FirstContactChoice[] = [
  { action: "ready-for-proposal" },
  { action: "second-contact" },
  { action: "discard", reason: "duplicate" },
];

describe("recordFirstContact on a marketplace client", () => {
  it.each(actions)("refuses $action while the client is hidden, saying why", (choice) => {
    const error = domainErrorOf(() => record(choice, { opportunity: fromMarketplace("hidden") }));

    expect(error.code).toBe("invalid-state");
    expect(error.message).toMatch(/client is not revealed yet/);
  });

  it("refuses a manager too: nobody has spoken to a client they cannot name", () => {
    const error = domainErrorOf(() =>
      record(
        { action: "discard", reason: "duplicate" },
        { opportunity: fromMarketplace("hidden"), actor: manager() },
      ),
    );

    expect(error.code).toBe("invalid-state");
  });

  it.each(actions)("records $action once the client is revealed", (choice) => {
    const result = record(choice, { opportunity: fromMarketplace("revealed") });

    expect(result.value.firstContact.action).toBe(choice.action);
  });
});
