import { describe, expect, it } from "vitest";
import { isDomainError } from "../shared/domain-error.js";
import { defaultSettings, validateSettings } from "./settings.js";

const H = 60;
const D = 24 * H;

/** Settings with one value at `path` (dot-separated) changed. */
const withValue = (path: string, value: unknown): Record<string, unknown> => {
  const root: Record<string, unknown> = {};
  const keys = path.split(".");
  let node = root;
  keys.slice(0, -1).forEach((key) => {
    const next: Record<string, unknown> = {};
    node[key] = next;
    node = next;
  });
  node[keys.at(-1) ?? path] = value;
  return root;
};

const read = (settings: unknown, path: string): unknown =>
  path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], settings);

const fieldsOfError = (input: unknown): string[] => {
  try {
    validateSettings(input);
  } catch (error) {
    if (isDomainError(error) && error.code === "validation") return error.errors.map((e) => e.path);
    throw error;
  }
  return [];
};

// SPEC §3, one row each: [rule, setting, default, lowest allowed, highest allowed].
const DURATIONS: [string, string, number, number, number][] = [
  ["first-contact target", "durations.firstContactTargetMinutes", 15, 1, 7 * D],
  ["first-contact escalation", "durations.firstContactEscalationMinutes", 4 * H, 1, 14 * D],
  ["second contact after not reached", "durations.secondContactDelayMinutes", 24 * H, H, 14 * D],
  ["send proposal after ready for proposal", "durations.proposalDelayMinutes", 3 * D, H, 30 * D],
  [
    "potential consultant follow-up (days)",
    "durations.classificationFollowUpDays.potential-consultant",
    7,
    1,
    365,
  ],
  ["promising follow-up (days)", "durations.classificationFollowUpDays.promising", 14, 1, 365],
  ["likely follow-up (days)", "durations.classificationFollowUpDays.likely", 30, 1, 365],
  ["undecided follow-up (days)", "durations.classificationFollowUpDays.undecided", 60, 1, 365],
  ["not sure yet follow-up (days)", "durations.notSureFollowUpDays", 14, 1, 365],
  ["routing offer response window", "durations.routingOfferWindowMinutes", 3 * D, H, 30 * D],
  ["routing offers sent at once", "routingOffersAtOnce", 3, 1, 10],
  ["task reminder before due", "durations.taskDueSoonMinutes", H, 0, 7 * D],
];

describe("settings: SPEC §3 defaults and allowed ranges", () => {
  it.each(DURATIONS)("%s defaults to its SPEC value", (_, path, fallback) => {
    expect(read(defaultSettings(), path)).toBe(fallback);
  });

  it.each(DURATIONS)(
    "%s accepts its lowest and highest allowed values",
    (_, path, __, min, max) => {
      expect(read(validateSettings(withValue(path, min)), path)).toBe(min);
      expect(read(validateSettings(withValue(path, max)), path)).toBe(max);
    },
  );

  it.each(DURATIONS)(
    "%s refuses a value just outside its range, naming the field",
    (_, path, __, min, max) => {
      expect(fieldsOfError(withValue(path, min - 1))).toEqual([path]);
      expect(fieldsOfError(withValue(path, max + 1))).toEqual([path]);
    },
  );

  it.each(DURATIONS)("%s refuses a fraction or text, naming the field", (_, path, __, min) => {
    expect(fieldsOfError(withValue(path, min + 0.5))).toEqual([path]);
    expect(fieldsOfError(withValue(path, "15 min"))).toEqual([path]);
  });

  it("offers 24, 48 and 72 h for the second contact (and any value from 1 h to 14 days)", () => {
    for (const hours of [24, 48, 72, 1, 14 * 24]) {
      const settings = validateSettings(
        withValue("durations.secondContactDelayMinutes", hours * H),
      );
      expect(settings.durations.secondContactDelayMinutes).toBe(hours * H);
    }
  });

  it("defaults the marketplace reminder to 24 h and the automatic reveal to 48 h per marketplace", () => {
    const settings = validateSettings({ marketplaces: [{ key: "sortlist", name: "Sortlist" }] });
    expect(settings.marketplaces[0]).toMatchObject({
      reminderMinutes: 24 * H,
      revealMinutes: 48 * H,
    });
  });

  it("has no escalation of overdue tasks unless a manager turns it on", () => {
    expect(defaultSettings().durations.taskOverdueEscalationMinutes).toBeNull();
    const on = validateSettings(withValue("durations.taskOverdueEscalationMinutes", 2 * H));
    expect(on.durations.taskOverdueEscalationMinutes).toBe(2 * H);
  });

  it("keeps the default discard reasons of SPEC §4.2", () => {
    expect(defaultSettings().discardReasons.map((r) => r.id)).toEqual([
      "not-target-profile",
      "no-budget",
      "duplicate",
      "spam",
      "unreachable",
      "chose-competitor",
      "other",
    ]);
  });

  it("starts with one pipeline whose stages are the contract's default stage ids", () => {
    const [pipeline, ...others] = defaultSettings().pipelines;
    expect(others).toEqual([]);
    expect(pipeline?.visibility).toBe("owner");
    expect(pipeline?.stages.map((s) => s.id)).toEqual([
      "new",
      "second-contact",
      "proposal",
      "negotiation",
      "won",
      "lost",
    ]);
  });

  it("refuses a pipeline without a won stage, naming it", () => {
    const pipeline = {
      id: "p2",
      name: "Partners",
      stages: [
        { id: "new", name: "New", role: "new" },
        { id: "lost", name: "Lost", role: "lost" },
        { id: "x", name: "Other" },
      ],
    };
    expect(fieldsOfError({ pipelines: [pipeline] })).toEqual(["pipelines.0.stages"]);
  });

  it("refuses a team-visible pipeline without its team", () => {
    const [pipeline] = defaultSettings().pipelines;
    expect(fieldsOfError({ pipelines: [{ ...pipeline, visibility: "team" }] })).toEqual([
      "pipelines.0.teamId",
    ]);
  });

  it("refuses an unknown time zone", () => {
    expect(fieldsOfError({ timeZone: "Mars/Olympus" })).toEqual(["timeZone"]);
  });
});

describe("intake forms", () => {
  const form = { key: "website-contact", name: "Website", source: "web-form" };

  it("fills an intake form's defaults: round-robin, active, no campaign, first pipeline", () => {
    const [parsed] = validateSettings({ intakeForms: [form] }).intakeForms;
    expect(parsed).toEqual({
      ...form,
      campaign: null,
      pipelineId: null,
      ownerId: null,
      routing: "round-robin",
      active: true,
    });
  });

  it("refuses a form whose source or pipeline does not exist, naming the field", () => {
    expect(
      fieldsOfError({ intakeForms: [{ ...form, source: "nope", pipelineId: "nope" }] }),
    ).toEqual(["intakeForms.0.source", "intakeForms.0.pipelineId"]);
  });

  it("refuses a key used twice, an unsafe key, and owner routing without an owner", () => {
    expect(fieldsOfError({ intakeForms: [form, form] })).toEqual(["intakeForms.1.key"]);
    expect(fieldsOfError({ intakeForms: [{ ...form, key: "A b" }] })).toEqual([
      "intakeForms.0.key",
    ]);
    expect(fieldsOfError({ intakeForms: [{ ...form, routing: "owner" }] })).toEqual([
      "intakeForms.0.ownerId",
    ]);
  });

  it("has no intake forms by default", () => {
    expect(defaultSettings().intakeForms).toEqual([]);
  });
});

describe("marketplace connectors", () => {
  const connector = { key: "malt", name: "Malt" };

  it("refuses a reveal at or before the client reminder, naming the reveal", () => {
    for (const revealMinutes of [24 * H, 12 * H]) {
      expect(
        fieldsOfError({ marketplaces: [{ ...connector, reminderMinutes: 24 * H, revealMinutes }] }),
      ).toEqual(["marketplaces.0.revealMinutes"]);
    }
    const later = validateSettings({
      marketplaces: [{ ...connector, reminderMinutes: 24 * H, revealMinutes: 24 * H + 1 }],
    });
    expect(later.marketplaces[0]?.revealMinutes).toBe(24 * H + 1);
  });

  it("refuses a reveal before the default reminder when only the reveal is given", () => {
    expect(fieldsOfError({ marketplaces: [{ ...connector, revealMinutes: 60 }] })).toEqual([
      "marketplaces.0.revealMinutes",
    ]);
  });

  it("refuses a key used twice in the tenant, naming the second", () => {
    expect(
      fieldsOfError({
        marketplaces: [connector, { key: "sortlist", name: "Sortlist" }, { ...connector }],
      }),
    ).toEqual(["marketplaces.2.key"]);
  });

  it("refuses a pipeline that does not exist, and accepts one that does or none", () => {
    expect(fieldsOfError({ marketplaces: [{ ...connector, pipelineId: "gone" }] })).toEqual([
      "marketplaces.0.pipelineId",
    ]);
    const [chosen, automatic] = validateSettings({
      marketplaces: [
        { ...connector, pipelineId: "sales" },
        { key: "sortlist", name: "Sortlist" },
      ],
    }).marketplaces;
    expect(chosen?.pipelineId).toBe("sales");
    expect(automatic?.pipelineId).toBeNull();
  });

  it("has no connectors by default", () => {
    expect(defaultSettings().marketplaces).toEqual([]);
  });
});
