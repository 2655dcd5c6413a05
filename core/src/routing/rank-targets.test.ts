import { describe, expect, it } from "vitest";
import { buildRoutingTarget } from "../shared/fixtures.test-support.js";
import { matchTargets, pickOfferTargets, rankTargets } from "./rank-targets.js";
import type { RoutingCriteria, RoutingTarget } from "./routing.types.js";

const ids = (targets: readonly RoutingTarget[]): string[] => targets.map((target) => target.id);

const noOffers: ReadonlyMap<string, number> = new Map();

describe("matchTargets", () => {
  const catalog = [
    buildRoutingTarget({
      id: "es-agency",
      name: "Agencia Peña",
      type: "agency",
      level: "gold",
      country: "ES",
      primaryLanguage: "es",
      secondaryLanguages: ["en"],
      services: ["web-design", "seo"],
    }),
    buildRoutingTarget({
      id: "fr-freelancer",
      name: "Jean Dupont",
      type: "freelancer",
      level: "silver",
      country: "FR",
      primaryLanguage: "fr",
      secondaryLanguages: ["en"],
      services: ["crm-setup"],
    }),
    buildRoutingTarget({
      id: "de-internal",
      name: "Internal Team Berlin",
      type: "internal",
      level: "platinum",
      country: "DE",
      primaryLanguage: "de",
      secondaryLanguages: [],
      services: ["web-design", "crm-setup"],
    }),
    buildRoutingTarget({
      id: "remote-crew",
      name: "Remote Crew",
      type: "freelancer",
      level: "none",
      country: null,
      primaryLanguage: "en",
      secondaryLanguages: ["es"],
      services: ["seo"],
    }),
    buildRoutingTarget({
      id: "inactive",
      name: "Agencia Dormida",
      type: "agency",
      level: "platinum",
      country: "ES",
      primaryLanguage: "es",
      services: ["web-design", "seo", "crm-setup"],
      active: false,
    }),
  ];
  const allActive = ["es-agency", "fr-freelancer", "de-internal", "remote-crew"];

  it.each<{ case: string; criteria: RoutingCriteria; expected: string[] }>([
    {
      case: "matches every active target when no criterion is given",
      criteria: {},
      expected: allActive,
    },
    {
      case: "treats blank criteria from a form as left out",
      criteria: { service: "", country: " ", language: "", name: "  " },
      expected: allActive,
    },
    { case: "never matches an inactive target", criteria: { name: "Dormida" }, expected: [] },
    {
      case: "matches a service the target offers",
      criteria: { service: "crm-setup" },
      expected: ["fr-freelancer", "de-internal"],
    },
    {
      case: "matches a service in any case",
      criteria: { service: "CRM-Setup" },
      expected: ["fr-freelancer", "de-internal"],
    },
    {
      case: "matches the country in any case, never a target without a country",
      criteria: { country: "es" },
      expected: ["es-agency"],
    },
    {
      case: "matches a language spoken as primary or secondary",
      criteria: { language: "en" },
      expected: ["es-agency", "fr-freelancer", "remote-crew"],
    },
    {
      case: "matches the type exactly",
      criteria: { type: "freelancer" },
      expected: ["fr-freelancer", "remote-crew"],
    },
    {
      case: "matches a level at least the one requested",
      criteria: { level: "gold" },
      expected: ["es-agency", "de-internal"],
    },
    { case: "matches every level from none up", criteria: { level: "none" }, expected: allActive },
    {
      case: "matches a name substring regardless of case and accents",
      criteria: { name: "PENA" },
      expected: ["es-agency"],
    },
    {
      case: "matches a name with accents typed where the target has none",
      criteria: { name: "dupónt" },
      expected: ["fr-freelancer"],
    },
    {
      case: "requires every criterion given at once",
      criteria: { service: "web-design", language: "en", level: "gold" },
      expected: ["es-agency"],
    },
  ])("$case", ({ criteria, expected }) => {
    expect(ids(matchTargets(criteria, catalog))).toEqual(expected);
  });
});

describe("rankTargets", () => {
  const criteria: RoutingCriteria = { service: "web-design", language: "es" };
  // The better target has the later id, so only the rule under test can put it first.
  const better = (overrides: Partial<RoutingTarget>) =>
    buildRoutingTarget({ ...overrides, id: "target-z" });
  const worse = (overrides: Partial<RoutingTarget>) =>
    buildRoutingTarget({ ...overrides, id: "target-a" });

  type RuleRow = {
    case: string;
    winner: RoutingTarget;
    loser: RoutingTarget;
    openOffers?: ReadonlyMap<string, number>;
  };

  const eachRule: RuleRow[] = [
    {
      case: "puts a primary-language match before a secondary-language match",
      winner: better({ primaryLanguage: "es", secondaryLanguages: ["en"] }),
      loser: worse({ primaryLanguage: "en", secondaryLanguages: ["es"] }),
    },
    {
      case: "puts platinum before gold",
      winner: better({ level: "platinum" }),
      loser: worse({ level: "gold" }),
    },
    {
      case: "puts gold before silver",
      winner: better({ level: "gold" }),
      loser: worse({ level: "silver" }),
    },
    {
      case: "puts silver before none",
      winner: better({ level: "silver" }),
      loser: worse({ level: "none" }),
    },
    {
      case: "puts the higher rating first",
      winner: better({ rating: 4.8 }),
      loser: worse({ rating: 4.2 }),
    },
    {
      case: "puts more completed projects first",
      winner: better({ completedProjects: 30 }),
      loser: worse({ completedProjects: 12 }),
    },
    {
      case: "puts the target with fewer open offers first",
      winner: better({}),
      loser: worse({}),
      openOffers: new Map([
        ["target-z", 1],
        ["target-a", 2],
      ]),
    },
    {
      case: "counts a target missing from the open-offer counts as having none",
      winner: better({}),
      loser: worse({}),
      openOffers: new Map([["target-a", 1]]),
    },
  ];

  // The winner wins on one rule and loses on every later one.
  const precedence: RuleRow[] = [
    {
      case: "ranks language above level, rating, projects and open offers",
      winner: better({ primaryLanguage: "es", level: "none", rating: 1, completedProjects: 0 }),
      loser: worse({
        primaryLanguage: "en",
        secondaryLanguages: ["es"],
        level: "platinum",
        rating: 5,
        completedProjects: 99,
      }),
      openOffers: new Map([["target-z", 9]]),
    },
    {
      case: "ranks level above rating, projects and open offers",
      winner: better({ level: "gold", rating: 1, completedProjects: 0 }),
      loser: worse({ level: "silver", rating: 5, completedProjects: 99 }),
      openOffers: new Map([["target-z", 9]]),
    },
    {
      case: "ranks rating above projects and open offers",
      winner: better({ rating: 4.5, completedProjects: 0 }),
      loser: worse({ rating: 4.4, completedProjects: 99 }),
      openOffers: new Map([["target-z", 9]]),
    },
    {
      case: "ranks completed projects above open offers",
      winner: better({ completedProjects: 13 }),
      loser: worse({ completedProjects: 12 }),
      openOffers: new Map([["target-z", 9]]),
    },
  ];

  describe.each([
    { order: "winner given first", arrange: (row: RuleRow) => [row.winner, row.loser] },
    { order: "loser given first", arrange: (row: RuleRow) => [row.loser, row.winner] },
  ])("($order)", ({ arrange }) => {
    it.each([...eachRule, ...precedence])("$case", (row) => {
      const ranked = rankTargets(criteria, arrange(row), row.openOffers ?? noOffers);

      expect(ids(ranked)).toEqual([row.winner.id, row.loser.id]);
    });
  });

  it.each([
    { order: ["target-a", "target-b", "target-c"] },
    { order: ["target-c", "target-b", "target-a"] },
    { order: ["target-b", "target-c", "target-a"] },
  ])("orders full ties by id whatever the input order ($order)", ({ order }) => {
    const targets = order.map((id) => buildRoutingTarget({ id }));

    const ranked = rankTargets(criteria, targets, noOffers);

    expect(ids(ranked)).toEqual(["target-a", "target-b", "target-c"]);
  });

  it("lets language decide nothing when none is asked", () => {
    const targets = [
      buildRoutingTarget({ id: "target-a", primaryLanguage: "es", level: "silver" }),
      buildRoutingTarget({ id: "target-b", primaryLanguage: "fr", level: "gold" }),
    ];

    expect(ids(rankTargets({ service: "web-design" }, targets, noOffers))).toEqual([
      "target-b",
      "target-a",
    ]);
  });

  it("ranks only the targets that match", () => {
    const targets = [
      buildRoutingTarget({ id: "matches" }),
      buildRoutingTarget({ id: "wrong-service", services: ["seo"] }),
      buildRoutingTarget({ id: "inactive", active: false, level: "platinum" }),
    ];

    expect(ids(rankTargets(criteria, targets, noOffers))).toEqual(["matches"]);
  });

  it("does not reorder its input", () => {
    const targets = [
      buildRoutingTarget({ id: "target-b" }),
      buildRoutingTarget({ id: "target-a" }),
    ];

    rankTargets(criteria, targets, noOffers);

    expect(ids(targets)).toEqual(["target-b", "target-a"]);
  });
});

describe("pickOfferTargets", () => {
  const criteria: RoutingCriteria = { service: "web-design" };
  const targets = [1, 5, 3, 4, 2].map((rating) =>
    buildRoutingTarget({ id: `target-${rating}`, rating }),
  );

  it.each([
    {
      case: "picks the top n of the ranking",
      n: 3,
      expected: ["target-5", "target-4", "target-3"],
    },
    {
      case: "picks every match when fewer than n match",
      n: 10,
      expected: ["target-5", "target-4", "target-3", "target-2", "target-1"],
    },
    { case: "picks nobody for n = 0", n: 0, expected: [] },
  ])("$case", ({ n, expected }) => {
    expect(ids(pickOfferTargets(criteria, targets, noOffers, n))).toEqual(expected);
  });
});
