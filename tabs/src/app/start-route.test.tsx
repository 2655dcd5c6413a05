import { describe, expect, it } from "vitest";
import type { HostContext } from "../host/host-context.js";
import { startRoute } from "./start-route.js";

const teams = (fields: { subEntityId?: string; entityId?: string }): HostContext => ({
  kind: "teams",
  locale: "en-US",
  timeZone: null,
  theme: "light",
  getToken: async () => "token",
  onThemeChange: () => undefined,
  subEntityId: fields.subEntityId ?? null,
  entityId: fields.entityId ?? null,
  channel: null,
});

describe("where the tab opens", () => {
  it("opens a deep link's opportunity, and its Back returns to the channel tab's board", () => {
    const route = startRoute(
      "#/pipeline?pipeline=partners",
      teams({ subEntityId: "01JOPP", entityId: "pipeline:partners" }),
    );
    expect(route).toEqual({
      hash: "#/opportunities/01JOPP",
      backHash: "#/pipeline?pipeline=partners",
      pipelineId: "partners",
    });
  });

  it("opens a deep link in the personal tab with Back to the default view", () => {
    expect(startRoute("", teams({ subEntityId: "01JOPP" }))).toEqual({
      hash: "#/opportunities/01JOPP",
      backHash: null,
      pipelineId: null,
    });
  });

  it("ignores a sub-entity that is not an id, and keeps the hash outside Teams", () => {
    expect(startRoute("#/agenda", teams({ subEntityId: "<script>" })).hash).toBe("#/agenda");
    expect(startRoute("#/pipeline?pipeline=sales", { kind: "browser", locale: "en" })).toEqual({
      hash: "#/pipeline?pipeline=sales",
      backHash: null,
      pipelineId: "sales",
    });
  });
});
