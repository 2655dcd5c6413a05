import type { OpportunityListItem as Opportunity } from "@dealflow/contract";
import { describe, expect, it } from "vitest";
import { serverFilled } from "../../test/wire-fixtures.js";
import { sortOpportunities } from "./sort-opportunities.js";

const opportunity = (id: string, fields: Partial<Opportunity>): Opportunity => ({
  ...serverFilled("2026-03-01T10:00:00.000Z"),
  id,
  title: id,
  stage: "new",
  status: "open",
  receivedAt: "2026-03-01T10:00:00.000Z",
  ownerId: "u-ana",
  source: "web-form",
  campaign: null,
  contact: {
    id: `c-${id}`,
    name: id,
    email: null,
    phone: null,
    company: null,
    linkedinUrl: null,
    preferredChannel: null,
  },
  participants: [],
  followers: [],
  tags: [],
  value: null,
  ...fields,
});

const task = (dueAt: string) => ({ id: `t-${dueAt}`, kind: "call" as const, title: "Call", dueAt });

const A = opportunity("a", {
  receivedAt: "2026-03-01T10:00:00.000Z",
  value: { amount: 500, currency: "EUR" },
  nextTask: task("2026-03-05T09:00:00.000Z"),
  updatedAt: "2026-03-02T10:00:00.000Z",
});
const B = opportunity("b", {
  receivedAt: "2026-03-03T10:00:00.000Z",
  value: { amount: 9000, currency: "EUR" },
  nextTask: null,
  updatedAt: "2026-03-04T10:00:00.000Z",
});
const C = opportunity("c", {
  receivedAt: "2026-02-20T10:00:00.000Z",
  value: null,
  nextTask: task("2026-03-02T09:00:00.000Z"),
});
const ids = (items: readonly Opportunity[]) => items.map((item) => item.id).join("");

describe("sorting a loaded opportunity list", () => {
  it.each([
    ["server", "abc"],
    ["newest", "bac"],
    ["oldest", "cab"],
    ["value", "bac"],
    ["nextTask", "cab"],
    ["updated", "bac"],
  ] as const)("orders by %s, with what has no value last", (sort, expected) => {
    expect(ids(sortOpportunities([A, B, C], sort))).toBe(expected);
  });

  it("leaves the list it was given untouched", () => {
    const items = [A, B, C];
    sortOpportunities(items, "oldest");
    expect(ids(items)).toBe("abc");
  });
});
