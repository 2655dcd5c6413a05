import type { MarketplaceApplication } from "../opportunity/opportunity.types.js";
import { DEFAULT_STAGES, type Pipeline } from "../pipeline/pipeline.types.js";
import type { RoutingTarget } from "../routing/routing.types.js";
import { NOW, TENANT } from "./builders.test-support.js";
import { iso } from "./time.js";

export const buildMarketplaceApplication = (
  overrides: Partial<MarketplaceApplication> = {},
): MarketplaceApplication => ({
  connectorKey: "sortlist",
  visibility: "hidden",
  appliedAt: iso(NOW),
  brief: "A new website for a dental clinic",
  meetingAt: null,
  meetingUrl: null,
  meetingHeld: false,
  fee: { amount: 50, currency: "EUR" },
  refund: "none",
  refundReason: null,
  revealedAt: null,
  ...overrides,
});

export const buildPipeline = (overrides: Partial<Pipeline> = {}): Pipeline => ({
  id: "sales",
  name: "Sales",
  stages: DEFAULT_STAGES.map((stage) => ({ ...stage })),
  visibility: "owner",
  teamId: null,
  ...overrides,
});

export const buildRoutingTarget = (overrides: Partial<RoutingTarget> = {}): RoutingTarget => ({
  tenantId: TENANT,
  id: "target-0001",
  name: "Acme Digital",
  type: "agency",
  level: "silver",
  country: "ES",
  primaryLanguage: "es",
  secondaryLanguages: ["en"],
  services: ["web-design"],
  active: true,
  rating: 4,
  reviewCount: 10,
  completedProjects: 10,
  userId: null,
  ...overrides,
});
