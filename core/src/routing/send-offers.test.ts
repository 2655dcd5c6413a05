import { describe, expect, it } from "vitest";
import {
  codeOf,
  contextFor,
  manager,
  NOW,
  pathsOf,
  seller,
  settingsWith,
  written,
} from "../shared/builders.test-support.js";
import { buildRoutingTarget } from "../shared/fixtures.test-support.js";
import {
  buildOffer,
  CRITERIA,
  catalog,
  firstRound,
  routable,
  TARGETS,
} from "./routing.test-support.js";
import { type SendOffersInput, sendOffers } from "./send-offers.js";

const system = contextFor(null);
const automatic = (overrides: Partial<SendOffersInput> = {}): SendOffersInput =>
  ({
    opportunity: routable(),
    criteria: CRITERIA,
    offers: [],
    catalog: catalog(),
    mode: "automatic",
    ...overrides,
  }) as SendOffersInput;
const targetsOf = (offers: { targetId: string }[]) => offers.map((offer) => offer.targetId);

describe("sendOffers, automatic", () => {
  it("offers the top 3 of the ranking", () => {
    expect(targetsOf(sendOffers(automatic(), system).value)).toEqual([
      "target-1",
      "target-2",
      "target-3",
    ]);
  });

  it("offers as many at once as the tenant's setting says", () => {
    const ctx = contextFor(null, { settings: settingsWith({ routingOffersAtOnce: 2 }) });

    expect(targetsOf(sendOffers(automatic(), ctx).value)).toEqual(["target-1", "target-2"]);
  });

  it("skips targets already offered, and keeps at most N pending at once", () => {
    const offers = [
      buildOffer({ id: "o1", targetId: "target-1", status: "declined" }),
      buildOffer({ id: "o2", targetId: "target-2", status: "pending" }),
    ];

    expect(targetsOf(sendOffers(automatic({ offers }), system).value)).toEqual([
      "target-3",
      "target-4",
    ]);
  });

  it("prefers, among equals, the target with fewer open offers elsewhere", () => {
    const twins = ["twin-a", "twin-b"].map((id) =>
      buildRoutingTarget({ id, userId: `user-${id}` }),
    );
    const busy = [1, 2].map((n) =>
      buildOffer({ id: `elsewhere-${n}`, opportunityId: "other", targetId: "twin-a" }),
    );
    const ctx = contextFor(null, { settings: settingsWith({ routingOffersAtOnce: 1 }) });

    const { value } = sendOffers(
      automatic({ catalog: catalog({ targets: twins, openOffers: busy }) }),
      ctx,
    );

    expect(targetsOf(value)).toEqual(["twin-b"]);
  });

  it("never offers a target nobody can answer for", () => {
    const targets = [
      buildRoutingTarget({ id: "no-user", rating: 5, userId: null }),
      ...TARGETS.slice(3),
    ];

    expect(
      targetsOf(sendOffers(automatic({ catalog: catalog({ targets }) }), system).value),
    ).toEqual(["target-4", "target-5"]);
  });

  it("opens each offer for the response window, with its expiry clock", () => {
    const { value, schedule, changes } = sendOffers(automatic(), system);
    const expiresAt = new Date(NOW.getTime() + 3 * 86_400_000).toISOString();

    expect(value[0]).toMatchObject({
      status: "pending",
      mode: "automatic",
      userId: "user-1",
      sentAt: NOW.toISOString(),
      expiresAt,
      criteria: CRITERIA,
    });
    expect(schedule.map((d) => ({ kind: d.kind, subjectId: d.subjectId, dueAt: d.dueAt }))).toEqual(
      value.map((offer) => ({ kind: "offer-expiry", subjectId: offer.id, dueAt: expiresAt })),
    );
    const offers = changes.filter((change) => change.entity === "offer");
    expect(offers).toHaveLength(value.length);
    expect(offers.every((change) => change.before === null)).toBe(true);
  });

  it("asks for a card to each target's user", () => {
    const outcome = sendOffers(automatic(), system);

    expect(written(outcome, "notification")).toEqual(
      outcome.value.map((offer) => ({
        tenantId: offer.tenantId,
        id: `offer-sent:${offer.id}`,
        createdAt: offer.sentAt,
        opportunityId: "opp-routed",
        actorId: null,
        deliveredAt: null,
        type: "offer-sent",
        offerId: offer.id,
      })),
    );
  });

  it("asks the managers to choose when no target matches", () => {
    const outcome = sendOffers(automatic({ criteria: { service: "tax-advice" } }), system);

    expect(outcome.value).toEqual([]);
    expect(written(outcome, "notification")).toMatchObject([
      {
        type: "choose-another-target",
        id: "choose-another-target:opp-routed:0",
        opportunityId: "opp-routed",
        proposedTargetIds: [],
      },
    ]);
  });
});

describe("sendOffers, manual", () => {
  const manual = (targetId: string, overrides: Partial<SendOffersInput> = {}) =>
    ({ ...automatic(overrides), mode: "manual", targetId }) as SendOffersInput;

  it("offers exactly the one target the manager picked", () => {
    const { value } = sendOffers(manual("target-4"), contextFor(manager()));

    expect(value).toMatchObject([{ targetId: "target-4", mode: "manual", userId: "user-4" }]);
  });

  it("writes nothing when that target already holds a pending offer", () => {
    const offers = [buildOffer({ targetId: "target-4", userId: "user-4" })];

    expect(sendOffers(manual("target-4", { offers }), contextFor(manager())).changes).toEqual([]);
  });

  it.each([
    { case: "an unknown target", targets: TARGETS, targetId: "target-9" },
    {
      case: "an inactive target",
      targets: [buildRoutingTarget({ id: "off", active: false, userId: "u" })],
      targetId: "off",
    },
    {
      case: "a target without a user",
      targets: [buildRoutingTarget({ id: "nobody", userId: null })],
      targetId: "nobody",
    },
  ])("refuses $case, naming targetId", ({ targets, targetId }) => {
    expect(
      pathsOf(() =>
        sendOffers(manual(targetId, { catalog: catalog({ targets }) }), contextFor(manager())),
      ),
    ).toEqual(["targetId"]);
  });
});

describe("sendOffers refuses", () => {
  it("a seller: routing is the managers' (or the system's)", () => {
    expect(codeOf(() => sendOffers(automatic(), contextFor(seller())))).toBe("forbidden");
  });

  it("a closed opportunity", () => {
    expect(
      codeOf(() =>
        sendOffers(automatic({ opportunity: { ...routable(), status: "lost" } }), system),
      ),
    ).toBe("invalid-state");
  });

  it("an opportunity a target already accepted", () => {
    const offers = firstRound().map((offer, i) =>
      i === 0 ? { ...offer, status: "accepted" as const } : offer,
    );

    expect(codeOf(() => sendOffers(automatic({ offers }), system))).toBe("invalid-state");
  });
});
