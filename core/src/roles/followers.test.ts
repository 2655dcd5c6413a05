import { describe, expect, it } from "vitest";
import { MAX_FOLLOWERS } from "../opportunity/opportunity.types.js";
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
import {
  addFollower,
  followOpportunity,
  muteOpportunity,
  removeFollower,
  unfollowOpportunity,
  unmuteOpportunity,
} from "./followers.js";

const teamSettings = () => {
  const ctx = contextFor(null);
  return {
    ...ctx.settings,
    pipelines: ctx.settings.pipelines.map((p) => ({
      ...p,
      visibility: "team" as const,
      teamId: "team-east",
    })),
  };
};

describe("follow and unfollow yourself", () => {
  it("follows an opportunity the user can see and timelines it", () => {
    const ctx = contextFor(seller("seller-2", ["team-east"]), { settings: teamSettings() });

    const result = followOpportunity({ opportunity: buildOpportunity() }, ctx);

    expect(result.value).toMatchObject({ followers: ["seller-2"], updatedAt: NOW.toISOString() });
    expect(activitiesOf(result)).toEqual([
      expect.objectContaining({ type: "follower-added", userId: "seller-2", actorId: "seller-2" }),
    ]);
  });

  it("changes nothing when following twice", () => {
    const opportunity = buildOpportunity({ followers: ["seller-1"] });

    expect(followOpportunity({ opportunity }, contextFor(seller()))).toEqual({
      value: opportunity,
      changes: [],
      schedule: [],
      cancel: [],
    });
  });

  it("cannot follow what the user cannot see", () => {
    expect(
      codeOf(() =>
        followOpportunity({ opportunity: buildOpportunity() }, contextFor(seller("seller-2"))),
      ),
    ).toBe("not-found");
  });

  it("lets a manager follow anything", () => {
    expect(
      followOpportunity({ opportunity: buildOpportunity() }, contextFor(manager())).value.followers,
    ).toEqual(["manager-1"]);
  });

  it("unfollows and forgets the mute with it", () => {
    const opportunity = buildOpportunity({
      followers: ["seller-2", "seller-3"],
      mutedBy: ["seller-2"],
    });

    const result = unfollowOpportunity({ opportunity }, contextFor(seller("seller-2")));

    expect(result.value).toMatchObject({ followers: ["seller-3"], mutedBy: [] });
    expect(activitiesOf(result)).toEqual([
      expect.objectContaining({ type: "follower-removed", userId: "seller-2" }),
    ]);
  });

  it("changes nothing when unfollowing what the user does not follow", () => {
    expect(
      unfollowOpportunity({ opportunity: buildOpportunity() }, contextFor(seller())).changes,
    ).toEqual([]);
  });

  it("refuses a follower beyond the limit", () => {
    const full = buildOpportunity({
      followers: Array.from({ length: MAX_FOLLOWERS }, (_, i) => `user-${i}`),
    });

    expect(codeOf(() => followOpportunity({ opportunity: full }, contextFor(manager())))).toBe(
      "invalid-state",
    );
  });

  it("needs a signed-in user", () => {
    expect(
      codeOf(() => followOpportunity({ opportunity: buildOpportunity() }, contextFor(null))),
    ).toBe("invalid-state");
  });
});

describe("add and remove followers", () => {
  it("lets the owner add a colleague as follower", () => {
    const result = addFollower(
      { opportunity: buildOpportunity(), userId: "director-1" },
      contextFor(seller()),
    );

    expect(result.value.followers).toEqual(["director-1"]);
    expect(activitiesOf(result)).toEqual([
      expect.objectContaining({
        type: "follower-added",
        userId: "director-1",
        actorId: "seller-1",
      }),
    ]);
  });

  it("lets a manager remove a follower", () => {
    const opportunity = buildOpportunity({ followers: ["director-1"], mutedBy: ["director-1"] });

    const result = removeFollower({ opportunity, userId: "director-1" }, contextFor(manager()));

    expect(result.value).toMatchObject({ followers: [], mutedBy: [] });
  });

  it("does not let a follower add others", () => {
    const opportunity = buildOpportunity({ followers: ["seller-2"] });

    expect(
      codeOf(() =>
        addFollower({ opportunity, userId: "seller-3" }, contextFor(seller("seller-2"))),
      ),
    ).toBe("forbidden");
  });

  it("requires a user id, naming the field", () => {
    expect(
      pathsOf(() =>
        addFollower({ opportunity: buildOpportunity(), userId: "" }, contextFor(seller())),
      ),
    ).toEqual(["userId"]);
  });
});

describe("mute and unmute", () => {
  it("mutes for the follower alone, without telling anyone", () => {
    const opportunity = buildOpportunity({ followers: ["seller-2"] });

    const result = muteOpportunity({ opportunity }, contextFor(seller("seller-2")));

    expect(result.value.mutedBy).toEqual(["seller-2"]);
    expect(activitiesOf(result)).toEqual([]);
  });

  it("unmutes, and changes nothing when unmuting twice", () => {
    const opportunity = buildOpportunity({ followers: ["seller-2"], mutedBy: ["seller-2"] });

    const result = unmuteOpportunity({ opportunity }, contextFor(seller("seller-2")));

    expect(result.value.mutedBy).toEqual([]);
    expect(
      unmuteOpportunity({ opportunity: result.value }, contextFor(seller("seller-2"))).changes,
    ).toEqual([]);
  });

  it("refuses to mute for someone who does not follow", () => {
    expect(
      codeOf(() => muteOpportunity({ opportunity: buildOpportunity() }, contextFor(seller()))),
    ).toBe("invalid-state");
  });
});
