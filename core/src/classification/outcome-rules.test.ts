import { describe, expect, it } from "vitest";
import { defaultSettings } from "../settings/settings.js";
import { outcomeRule, withClassificationTag } from "./outcome-rules.js";

describe("outcome rules", () => {
  const { durations } = defaultSettings();

  it("keeps a single classification tag, after the contact's other tags", () => {
    expect(withClassificationTag(["likely", "vip", "undecided"], "promising")).toEqual([
      "vip",
      "promising",
    ]);
    expect(withClassificationTag(["likely", "vip"], null)).toEqual(["vip"]);
  });

  it("treats a blank choice and not interested alike: no classification, no follow-up", () => {
    expect(outcomeRule(null, durations)).toEqual({ classify: false, followUp: null });
    expect(outcomeRule("not-interested", durations)).toEqual({ classify: false, followUp: null });
  });
});
