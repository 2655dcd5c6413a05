import { describe, expect, it } from "vitest";
import { DomainError } from "../shared/domain-error.js";
import { createContact } from "./create-contact.js";

const ctx = {
  tenantId: "t1",
  now: new Date("2026-03-02T09:00:00.000Z"),
  ids: () => "c-new",
  actor: null,
} as unknown as Parameters<typeof createContact>[1];

describe("createContact", () => {
  it("makes a contact of the tenant from the fields typed, unclassified and untagged", () => {
    const outcome = createContact({ name: "  Eva Ruiz ", email: "EVA@ruiz.example" }, ctx);
    expect(outcome.value).toMatchObject({
      tenantId: "t1",
      id: "c-new",
      name: "Eva Ruiz",
      classification: null,
      tags: [],
      createdAt: "2026-03-02T09:00:00.000Z",
    });
    expect(outcome.changes).toEqual([{ entity: "contact", before: null, after: outcome.value }]);
  });

  it("names every bad field, without a prefix", () => {
    let error: unknown;
    try {
      createContact({ name: "", phone: "call me", linkedinUrl: "javascript:alert(1)" }, ctx);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).errors.map((e) => e.path)).toEqual([
      "name",
      "phone",
      "linkedinUrl",
    ]);
  });
});
