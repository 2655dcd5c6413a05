import { describe, expect, it } from "vitest";
import { codeOf, contextFor, NOW, OTHER_TENANT, pathsOf } from "../shared/builders.test-support.js";
import { buildRoutingTarget } from "../shared/fixtures.test-support.js";
import { DAY_MS } from "../shared/time.js";
import type { ReviewRequestIntent } from "./review.types.js";
import { requestReview, reviewLinkState, submitReview } from "./review-link.js";

const intent: ReviewRequestIntent = {
  type: "review-request",
  id: "review-request:opp-1:offer-1",
  opportunityId: "opp-1",
  contactId: "contact-1",
  targetId: "target-1",
};
const ctx = contextFor(null);
const { value: link } = requestReview(intent, ctx);
const stored = { ...link, version: "v1" };
const target = buildRoutingTarget({ id: "target-1", rating: 4, reviewCount: 1 });
const at = (days: number) => new Date(NOW.getTime() + days * DAY_MS);

describe("requestReview", () => {
  it("writes the link and the outbox row under the request's id, valid for 30 days", () => {
    const outcome = requestReview(intent, ctx);

    expect(
      outcome.changes.map((change) => [change.entity, (change.after as { id: string }).id]),
    ).toEqual([
      ["review-link", intent.id],
      ["notification", intent.id],
    ]);
    expect(outcome.value).toMatchObject({ usedAt: null, expiresAt: at(30).toISOString() });
  });
});

describe("reviewLinkState", () => {
  it.each([
    { case: "open until its last instant", link, now: at(29.99), state: "open" },
    { case: "expired from its expiry on", link, now: at(30), state: "expired" },
    {
      case: "used, even once expired",
      link: { ...link, usedAt: NOW.toISOString() },
      now: at(40),
      state: "used",
    },
  ])("is $case", ({ link: l, now, state }) => {
    expect(reviewLinkState(l, now)).toBe(state);
  });
});

describe("submitReview", () => {
  it("writes the target's standing, the review and the link as used, in one change set", () => {
    const outcome = submitReview({ link: stored, target, stars: 2, text: "Late" }, ctx);

    expect(outcome.changes.map((change) => change.entity)).toEqual([
      "routing-target",
      "review",
      "review-link",
    ]);
    const used = outcome.changes.find((change) => change.entity === "review-link");
    expect(used?.before).toBe(stored);
    expect(used?.after).toMatchObject({ usedAt: NOW.toISOString(), reviewId: outcome.value.id });
    expect(outcome.value).toMatchObject({ stars: 2, text: "Late", targetId: "target-1" });
  });

  it.each([
    { case: "used", l: { ...stored, usedAt: NOW.toISOString() }, now: NOW },
    { case: "expired", l: stored, now: at(31) },
  ])("refuses a $case link", ({ l, now }) => {
    expect(codeOf(() => submitReview({ link: l, target, stars: 5 }, { ...ctx, now }))).toBe(
      "invalid-state",
    );
  });

  it("names the stars when they are wrong", () => {
    expect(pathsOf(() => submitReview({ link: stored, target, stars: 0 }, ctx))).toEqual(["stars"]);
  });

  it("refuses a link of another tenant as not found", () => {
    const foreign = { ...stored, tenantId: OTHER_TENANT };
    expect(codeOf(() => submitReview({ link: foreign, target, stars: 5 }, ctx))).toBe("not-found");
  });
});
