import { randomUUID } from "node:crypto";
import type { TargetReview as ReviewView } from "@dealflow/contract";
import { rankTargets } from "@dealflow/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiHarness,
  newTestUser,
  startApiHarness,
  type TestUser,
} from "../../../../tests/support/api-harness.js";
import { arrangeUser } from "../../api/api.test-support.js";
import { createTarget, targetBody } from "../routing/routing.test-support.js";
import { readReviewToken, signReviewToken } from "./review-token.js";
import {
  arrangeRoutedOpportunity,
  deliverReviewRequest,
  linkPathIn,
  mailsTo,
  moveToStage,
  postReview,
} from "./reviews.test-support.js";

// SPEC §4.5 and §8: one review per link, written with the target's standing, or nothing.
const DAY = 86_400_000;
let now = new Date("2026-04-06T10:00:00.000Z");
let harness: ApiHarness;
type Team = { manager: TestUser; targets: Record<string, { id: string; user: TestUser }> };
const teams: Record<"main" | "other", Team> = {
  main: { manager: newTestUser(randomUUID(), { manager: true }), targets: {} },
  other: { manager: newTestUser(randomUUID(), { manager: true }), targets: {} },
};
const main = teams.main;
const tenant = main.manager.tenantId;

const arrangeTeam = async (team: Team) => {
  await arrangeUser(harness, team.manager);
  for (const name of ["Ana Partners", "Luis Studio"]) {
    const user = newTestUser(team.manager.tenantId, { name: `${name} user` });
    await arrangeUser(harness, user);
    const over = { rating: 3, reviewCount: 1, completedProjects: 1, level: "gold" };
    const { id } = await createTarget(harness, team.manager, targetBody(name, user.userId, over));
    team.targets[name] = { id, user };
  }
};

/** Wins a routed opportunity of `team` for `name`; the review link's path and ids. */
const wonWithLink = async (name: string, team = main) => {
  const target = team.targets[name];
  if (!target) throw new Error(`no target ${name}`);
  const { tenantId } = team.manager;
  const arranged = await arrangeRoutedOpportunity(harness, team.manager, target);
  expect((await moveToStage(harness, team.manager, arranged.opportunityId, "won")).status).toBe(
    200,
  );
  const requestId = `review-request:${arranged.opportunityId}:${arranged.offerId}`;
  await deliverReviewRequest(harness, tenantId, requestId);
  const stored = await harness.deps.store.getOpportunity(tenantId, arranged.opportunityId);
  const [mail] = await mailsTo(harness, tenantId, stored?.contact.email ?? "");
  if (!mail) throw new Error("no review mail");
  return { path: linkPathIn(mail.text), requestId, targetId: target.id, ...arranged };
};

const standing = async (targetId: string) => {
  const target = await harness.deps.store.getRoutingTarget(tenant, targetId);
  return {
    rating: target?.rating,
    reviewCount: target?.reviewCount,
    done: target?.completedProjects,
  };
};
const reviewsOf = async (targetId: string) => {
  const answer = await harness.call(main.manager, "GET", `/api/reviews?targetId=${targetId}`);
  expect(answer.status).toBe(200);
  return (answer.body as { items: ReviewView[] }).items;
};
/** Asserts that `act` changed neither the target nor its reviews nor the link. */
const writesNothing = async (
  link: Awaited<ReturnType<typeof wonWithLink>>,
  act: () => Promise<void>,
) => {
  const before = [await standing(link.targetId), await reviewsOf(link.targetId)];
  const linkBefore = await harness.deps.store.getReviewLink(tenant, link.requestId);
  await act();
  expect([await standing(link.targetId), await reviewsOf(link.targetId)]).toEqual(before);
  expect(await harness.deps.store.getReviewLink(tenant, link.requestId)).toEqual(linkBefore);
};

beforeAll(async () => {
  harness = await startApiHarness({ clock: () => now });
  await arrangeTeam(teams.main);
  await arrangeTeam(teams.other);
});
afterAll(async () => {
  await harness?.close();
});

describe("submitting a review", () => {
  it("records the review and the target's new standing, listed for managers", async () => {
    const link = await wonWithLink("Ana Partners");

    const answer = await postReview(harness, link.path, { stars: "5", text: "Clear and on time." });

    expect(answer.status).toBe(200);
    expect(answer.text).toContain("Thank you for your review");
    expect(await standing(link.targetId)).toEqual({ rating: 4, reviewCount: 2, done: 2 });
    expect(await reviewsOf(link.targetId)).toEqual([
      {
        id: expect.any(String),
        targetId: link.targetId,
        opportunityId: link.opportunityId,
        opportunityTitle: expect.stringContaining("Web shop"),
        stars: 5,
        text: "Clear and on time.",
        createdAt: now.toISOString(),
      },
    ]);
  });

  it("refuses a used link with 410 and writes nothing more", async () => {
    const link = await wonWithLink("Luis Studio");
    expect((await postReview(harness, link.path, { stars: "2" })).status).toBe(200);

    await writesNothing(link, async () => {
      const again = await postReview(harness, link.path, { stars: "5" });
      expect(again.status).toBe(410);
      expect(again.text).toContain("already used");
      expect((await harness.call(null, "GET", link.path)).status).toBe(410);
    });
  });

  it("writes once when two submits race", async () => {
    const link = await wonWithLink("Luis Studio");
    const before = await standing(link.targetId);

    const answers = await Promise.all([
      postReview(harness, link.path, { stars: "4" }),
      postReview(harness, link.path, { stars: "1" }),
    ]);

    expect(answers.map((a) => a.status).sort()).toEqual([200, 410]);
    expect((await standing(link.targetId)).reviewCount).toBe((before.reviewCount ?? 0) + 1);
  });

  it.each([
    { stars: "", field: "Choose a rating from 1 to 5 stars." },
    { stars: "6", field: "Choose a rating from 1 to 5 stars." },
    { stars: "five", field: "Choose a rating from 1 to 5 stars." },
  ])(
    "answers stars '$stars' with 400 naming the field, the form again, nothing written",
    async ({ stars, field }) => {
      const link = await wonWithLink("Ana Partners");

      await writesNothing(link, async () => {
        const answer = await postReview(harness, link.path, { stars, text: "Kept" });
        expect(answer.status).toBe(400);
        expect(answer.text).toContain(field);
        expect(answer.text).toContain('aria-invalid="true"');
        expect(answer.text).toContain(">Kept</textarea>");
      });
    },
  );

  it("answers a comment over 2,000 characters with 400 naming it", async () => {
    const link = await wonWithLink("Ana Partners");

    await writesNothing(link, async () => {
      const answer = await postReview(harness, link.path, { stars: "4", text: "a".repeat(2_001) });
      expect(answer.status).toBe(400);
      expect(answer.text).toContain("The comment may be at most 2,000 characters.");
    });
  });
});

describe("links that do not open", () => {
  it("answers a tampered signature with 404 and writes nothing", async () => {
    const link = await wonWithLink("Ana Partners");
    const [payload = "", signature = ""] = link.path.slice(3).split(".");
    const flipped = `${signature.slice(0, 10)}${signature[10] === "A" ? "B" : "A"}${signature.slice(11)}`;

    await writesNothing(link, async () => {
      const answer = await postReview(harness, `/r/${payload}.${flipped}`, { stars: "5" });
      expect(answer.status).toBe(404);
      expect(answer.text).toContain("Review link not found");
    });
  });

  it("refuses another tenant's signature or key with 404", async () => {
    const link = await wonWithLink("Ana Partners");
    const theirs = await wonWithLink("Ana Partners", teams.other);
    const claims = readReviewToken(link.path.slice(3));
    if (claims === null) throw new Error("unreadable token");
    const otherTenant = teams.other.manager.tenantId;
    const otherKey = await harness.deps.store.reviewKeys.obtain(otherTenant);
    const mixed = `${link.path.split(".")[0]}.${theirs.path.split(".")[1]}`;
    const signedByThem = `/r/${signReviewToken({ ...claims, tenantId: otherTenant }, otherKey)}`;

    await writesNothing(link, async () => {
      for (const path of [mixed, signedByThem]) {
        expect((await postReview(harness, path, { stars: "5" })).status).toBe(404);
      }
    });
  });

  it("answers an expired link with 410 and writes nothing", async () => {
    const link = await wonWithLink("Luis Studio");
    const start = now;
    now = new Date(start.getTime() + 30 * DAY);
    try {
      await writesNothing(link, async () => {
        const answer = await postReview(harness, link.path, { stars: "5" });
        expect(answer.status).toBe(410);
        expect(answer.text).toContain("This review link has expired");
      });
    } finally {
      now = start;
    }
  });
});

describe("reviews and the ranking", () => {
  it("ranks the better-reviewed of two alike targets first", async () => {
    const [ana, luis] = await Promise.all(
      ["Ana Partners", "Luis Studio"].map((name) =>
        harness.deps.store.getRoutingTarget(tenant, main.targets[name]?.id ?? ""),
      ),
    );
    if (!ana || !luis) throw new Error("targets missing");

    expect(ana.rating).toBeGreaterThan(luis.rating);
    expect(rankTargets({ service: "web" }, [luis, ana], new Map()).map((t) => t.name)).toEqual([
      "Ana Partners",
      "Luis Studio",
    ]);
  });

  it("lets only managers read reviews", async () => {
    const seller = main.targets["Ana Partners"]?.user;
    if (!seller) throw new Error("no seller");
    expect((await harness.call(seller, "GET", "/api/reviews")).status).toBe(403);
  });
});
