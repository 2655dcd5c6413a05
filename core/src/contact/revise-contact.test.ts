import { describe, expect, it } from "vitest";
import {
  buildContact,
  buildOpportunity,
  codeOf,
  contextFor,
  manager,
  pathsOf,
  seller,
  written,
} from "../shared/builders.test-support.js";
import { buildMarketplaceApplication } from "../shared/fixtures.test-support.js";
import { type ReviseContactInput, reviseContact } from "./revise-contact.js";

const revise = (overrides: Partial<ReviseContactInput>, ctx = contextFor(seller())) =>
  reviseContact(
    { contact: buildContact(), patch: {}, opportunities: [buildOpportunity()], ...overrides },
    ctx,
  );

describe("reviseContact", () => {
  it("changes the given fields, keeps the others and refreshes the opportunity's copy", () => {
    const result = revise({ patch: { phone: "+34 611 111 111", company: null } });
    expect(result.value).toMatchObject({
      id: "contact-ana",
      name: "Ana López",
      phone: "+34 611 111 111",
      company: null,
    });
    expect(written(result, "opportunity")[0]?.contact).toMatchObject({
      phone: "+34 611 111 111",
      company: null,
    });
  });

  it("refreshes the copy of a contact who is a participant", () => {
    const opportunity = buildOpportunity({
      contact: { ...buildOpportunity().contact, id: "contact-luis", name: "Luis" },
      participants: [buildOpportunity().contact],
    });
    const result = revise({ patch: { name: "Ana María López" }, opportunities: [opportunity] });
    const [after] = written(result, "opportunity");
    expect(after?.contact.name).toBe("Luis");
    expect(after?.participants[0]?.name).toBe("Ana María López");
  });

  it("names every invalid field", () => {
    expect(pathsOf(() => revise({ patch: { name: " ", email: "nope" } }))).toEqual([
      "name",
      "email",
    ]);
  });

  it("refuses a seller who owns none of the contact's opportunities", () => {
    expect(codeOf(() => revise({ patch: { name: "X" } }, contextFor(seller("seller-2"))))).toBe(
      "forbidden",
    );
  });

  it("lets a manager edit a contact with no opportunity", () => {
    const result = revise({ patch: { name: "Ana M." }, opportunities: [] }, contextFor(manager()));
    expect(result.value.name).toBe("Ana M.");
  });

  it("refuses to edit a hidden marketplace client, even for a manager", () => {
    const opportunity = buildOpportunity({ marketplace: buildMarketplaceApplication() });
    expect(
      codeOf(() =>
        revise({ patch: { name: "X" }, opportunities: [opportunity] }, contextFor(manager())),
      ),
    ).toBe("forbidden");
  });

  it("writes nothing when nothing changes", () => {
    expect(revise({ patch: { name: "Ana López" } }).changes).toEqual([]);
  });
});
