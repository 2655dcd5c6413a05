import { describe, expect, it } from "vitest";
import { offerSchema, routeOpportunityBody, routingTargetBody } from "./routing.schema.js";

const pathsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((issue) => issue.path.join("."));

/** An offer as POST /api/opportunities/{id}/routing answered it. */
const answered = {
  id: "01JEXAMPLEOFFER",
  opportunityId: "01JEXAMPLEOPP",
  opportunityTitle: "Website redesign",
  targetId: "t-ana",
  targetName: "Ana García",
  userId: "u-ana",
  mode: "manual",
  status: "pending",
  sentAt: "2026-12-06T09:00:00.000Z",
  expiresAt: "2026-12-06T13:00:00.000Z",
  answeredAt: null,
  answeredBy: null,
};

describe("routing's wire shapes", () => {
  it("reads an offer as the routing route answers it", () => {
    expect(offerSchema.parse(answered)).toEqual(answered);
  });

  it("refuses an offer whose status the tab would not know, naming status", () => {
    const result = offerSchema.safeParse({ ...answered, status: "lost" });

    expect(pathsOf(result)).toContain("status");
  });

  it("refuses a manual routing without its target, naming targetId", () => {
    const result = routeOpportunityBody.safeParse({ mode: "manual" });

    expect(result.success).toBe(false);
    expect(pathsOf(result)).toEqual(["targetId"]);
  });

  it("fills a new target's counts and refuses a blank name, naming name", () => {
    const parsed = routingTargetBody.parse({
      name: "Contoso Digital",
      type: "agency",
      primaryLanguage: "es",
    });
    const blank = routingTargetBody.safeParse({ name: " ", type: "agency", primaryLanguage: "es" });

    expect(parsed).toMatchObject({ level: "none", rating: 0, reviewCount: 0, userId: null });
    expect(pathsOf(blank)).toEqual(["name"]);
  });
});
