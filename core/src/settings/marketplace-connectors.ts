import type { z } from "zod";

type Delays = { reminderMinutes: number; revealMinutes: number };

/**
 * SPEC §4.4: the client is reminded before the contact is revealed automatically; a reveal at
 * or before the reminder would reveal a client the marketplace is still about to remind.
 */
export const checkConnectorDelays = (connector: Delays, ctx: z.RefinementCtx): void => {
  if (connector.revealMinutes <= connector.reminderMinutes) {
    ctx.addIssue({
      code: "custom",
      path: ["revealMinutes"],
      message: "must be later than reminderMinutes (the client reminder)",
    });
  }
};

/**
 * Cross-checks against the rest of the settings, as for intake forms: a connector key names
 * one connector of the tenant (its events URL), and a pipeline chosen must exist.
 */
export const checkMarketplaces = (
  settings: {
    marketplaces: { key: string; pipelineId: string | null }[];
    pipelines: { id: string }[];
  },
  ctx: z.RefinementCtx,
): void => {
  const pipelines = new Set(settings.pipelines.map((pipeline) => pipeline.id));
  const keys = new Set<string>();
  settings.marketplaces.forEach((connector, index) => {
    const at = (field: string) => ["marketplaces", index, field];
    if (keys.has(connector.key))
      ctx.addIssue({ code: "custom", path: at("key"), message: "is used twice" });
    keys.add(connector.key);
    if (connector.pipelineId !== null && !pipelines.has(connector.pipelineId)) {
      ctx.addIssue({
        code: "custom",
        path: at("pipelineId"),
        message: "is not one of the pipelines",
      });
    }
  });
};
