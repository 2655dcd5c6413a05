import { defaultSettings } from "@dealflow/core";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  managerSettingsSchema,
  sellerSettingsSchema,
  settingsAnswerSchema,
} from "./settings.schema.js";

const managerAnswer = () => {
  const { intakeForms: _forms, marketplaces: _connectors, ...settings } = defaultSettings();
  return {
    ...settings,
    managerIds: ["marta"],
    intakeForms: [
      {
        key: "website-contact",
        name: "Website",
        source: "web-form",
        campaign: null,
        pipelineId: null,
        ownerId: null,
        routing: "round-robin",
        active: true,
        hasSecret: true,
      },
    ],
    marketplaces: [
      {
        key: "talentbay",
        name: "TalentBay",
        pipelineId: null,
        reminderMinutes: 1440,
        revealMinutes: 2880,
        hasSecret: false,
      },
    ],
  };
};

const sellerAnswer = () => {
  const { durations, discardReasons, sources, pipelines, timeZone, locale } = defaultSettings();
  return { durations, discardReasons, sources, pipelines, timeZone, locale };
};

const pathsOf = (error: z.ZodError | undefined) =>
  (error?.issues ?? []).flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => [...issue.path, key].join("."))
      : [issue.path.join(".")],
  );

describe("the settings answers", () => {
  it("accepts a manager's answer whose forms and connectors say whether they have a secret", () => {
    const parsed = managerSettingsSchema.safeParse(managerAnswer());
    expect(parsed.error).toBeUndefined();
    expect(parsed.data?.intakeForms[0]?.hasSecret).toBe(true);
    expect(settingsAnswerSchema.safeParse(managerAnswer()).success).toBe(true);
  });

  it("accepts a seller's answer of the lists and clocks the tabs need", () => {
    expect(sellerSettingsSchema.safeParse(sellerAnswer()).error).toBeUndefined();
    expect(settingsAnswerSchema.safeParse(sellerAnswer()).success).toBe(true);
  });

  it("refuses a manager's intake form that does not say whether it has a secret, naming it", () => {
    const answer = managerAnswer();
    const { hasSecret: _flag, ...form } = answer.intakeForms[0] ?? { hasSecret: false };
    const parsed = managerSettingsSchema.safeParse({ ...answer, intakeForms: [form] });
    expect(pathsOf(parsed.error)).toEqual(["intakeForms.0.hasSecret"]);
  });

  it("refuses a seller's answer that carries the managers' administration, naming it", () => {
    const parsed = sellerSettingsSchema.safeParse({ ...sellerAnswer(), managerIds: ["marta"] });
    expect(pathsOf(parsed.error)).toEqual(["managerIds"]);
  });

  it("refuses a stage whose role the rules do not know, naming it", () => {
    const answer = sellerAnswer();
    const [pipeline] = answer.pipelines;
    if (!pipeline) throw new Error("the defaults have a pipeline");
    const stages = pipeline.stages.map((stage, index) =>
      index === 3 ? { ...stage, role: "negotiation" } : stage,
    );
    const parsed = sellerSettingsSchema.safeParse({
      ...answer,
      pipelines: [{ ...pipeline, stages }],
    });
    expect(pathsOf(parsed.error)).toEqual(["pipelines.0.stages.3.role"]);
  });
});
