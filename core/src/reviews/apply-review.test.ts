import { describe, expect, it } from "vitest";
import {
  codeOf,
  contextFor,
  NOW,
  OTHER_TENANT,
  pathsOf,
  written,
} from "../shared/builders.test-support.js";
import { buildRoutingTarget } from "../shared/fixtures.test-support.js";
import { applyReview, MAX_REVIEW_TEXT_LENGTH, runningMean } from "./apply-review.js";

const target = buildRoutingTarget({
  id: "target-1",
  rating: 4,
  reviewCount: 3,
  completedProjects: 7,
});
const review = (stars: unknown, text?: unknown, t = target) =>
  applyReview({ target: t, opportunityId: "opp-1", stars, text }, contextFor(null));

describe("applyReview: validation", () => {
  it.each([0, 6, 3.5, -1, "5", null, undefined, Number.NaN])(
    "refuses %s stars, naming stars",
    (stars) => {
      expect(pathsOf(() => review(stars, "Great"))).toEqual(["stars"]);
    },
  );

  it("accepts every whole star from 1 to 5", () => {
    expect([1, 2, 3, 4, 5].map((stars) => review(stars).value.review.stars)).toEqual([
      1, 2, 3, 4, 5,
    ]);
  });

  it("refuses a text over 2,000 characters, naming text", () => {
    expect(pathsOf(() => review(5, "a".repeat(MAX_REVIEW_TEXT_LENGTH + 1)))).toEqual(["text"]);
  });

  it("takes a text of exactly 2,000 characters, and none at all", () => {
    expect(review(5, "a".repeat(MAX_REVIEW_TEXT_LENGTH)).value.review.text).toHaveLength(
      MAX_REVIEW_TEXT_LENGTH,
    );
    expect(review(5).value.review.text).toBeNull();
  });

  it("names both fields when both are wrong", () => {
    expect(pathsOf(() => review(9, 42))).toEqual(["stars", "text"]);
  });

  it("refuses a target of another tenant as not found", () => {
    expect(codeOf(() => review(5, "", { ...target, tenantId: OTHER_TENANT }))).toBe("not-found");
  });
});

describe("applyReview: the target's standing", () => {
  it.each([
    {
      case: "moves the rating to the mean of all reviews",
      rating: 4,
      count: 3,
      stars: 5,
      expected: 4.25,
    },
    { case: "can lower the rating", rating: 4.5, count: 1, stars: 1, expected: 2.75 },
    {
      case: "takes the stars as the rating of a first review",
      rating: 0,
      count: 0,
      stars: 3,
      expected: 3,
    },
    {
      case: "ignores a catalog rating with no reviews behind it",
      rating: 4.9,
      count: 0,
      stars: 2,
      expected: 2,
    },
  ])("$case", ({ rating, count, stars, expected }) => {
    const { value } = review(stars, "", { ...target, rating, reviewCount: count });

    expect(value.target.rating).toBeCloseTo(expected, 10);
  });

  it("counts one more review and one more completed project", () => {
    expect(review(5).value.target).toMatchObject({ reviewCount: 4, completedProjects: 8 });
  });

  it("keeps the mean exact over many reviews", () => {
    const stars = [5, 4, 3, 5, 1, 2, 5, 4];
    const mean = stars.reduce((sum, s, i) => runningMean(sum, i, s), 0);

    expect(mean).toBeCloseTo(29 / 8, 10);
  });

  it("writes the target and returns the review to keep with it", () => {
    const outcome = review(4, "  Clear and on time.  ");

    expect(written(outcome, "routing-target")).toEqual([outcome.value.target]);
    expect(outcome.value.review).toMatchObject({
      opportunityId: "opp-1",
      targetId: "target-1",
      stars: 4,
      text: "Clear and on time.",
      createdAt: NOW.toISOString(),
    });
  });
});
