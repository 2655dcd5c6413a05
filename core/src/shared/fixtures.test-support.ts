import type { ContactSnapshot } from "../contact/contact.types.js";
import type { MarketplaceApplication, Opportunity } from "../opportunity/opportunity.types.js";
import type { Pipeline } from "../pipeline/pipeline.types.js";
import { DEFAULT_STAGES } from "../pipeline/pipeline.types.js";
import type { RoutingTarget } from "../routing/routing.types.js";
import { defaultSettings, type Settings } from "../settings/settings.js";
import type { Viewer } from "../user/user.types.js";
import { iso } from "./time.js";

/** The one clock of the unit tests: a Monday morning, so "today" and "overdue" are unambiguous. */
export const FIXED_NOW = new Date("2025-03-10T09:00:00.000Z");

export const TENANT_ID = "tenant-contoso";
export const OTHER_TENANT_ID = "tenant-fabrikam";

export const makeContactSnapshot = (overrides: Partial<ContactSnapshot> = {}): ContactSnapshot => ({
  id: "contact-0001",
  name: "Carla Méndez",
  email: "carla@example.com",
  phone: "+34 600 000 001",
  company: "Méndez Consulting",
  linkedinUrl: "https://www.linkedin.com/in/carla-mendez",
  preferredChannel: "email",
  ...overrides,
});

export const makeOpportunity = (overrides: Partial<Opportunity> = {}): Opportunity => ({
  tenantId: TENANT_ID,
  id: "opp-0001",
  title: "Website redesign",
  pipelineId: "sales",
  stage: "new",
  status: "open",
  receivedAt: iso(FIXED_NOW),
  createdAt: iso(FIXED_NOW),
  updatedAt: iso(FIXED_NOW),
  createdBy: null,
  ownerId: "user-owner",
  source: "web-form",
  campaign: null,
  value: null,
  tags: [],
  contact: makeContactSnapshot(),
  participants: [],
  followers: [],
  mutedBy: [],
  firstContact: { state: "awaiting", recordedAt: null, action: null, secondContactDueAt: null },
  discard: null,
  closedAt: null,
  externalId: null,
  marketplace: null,
  deadlines: [],
  ...overrides,
});

export const makeMarketplaceApplication = (
  overrides: Partial<MarketplaceApplication> = {},
): MarketplaceApplication => ({
  connectorKey: "sortlist",
  visibility: "hidden",
  appliedAt: iso(FIXED_NOW),
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

export const makeViewer = (overrides: Partial<Viewer> = {}): Viewer => ({
  tenantId: TENANT_ID,
  userId: "user-owner",
  role: "seller",
  teamIds: [],
  ...overrides,
});

export const makePipeline = (overrides: Partial<Pipeline> = {}): Pipeline => ({
  id: "sales",
  name: "Sales",
  stages: DEFAULT_STAGES.map((stage) => ({ ...stage })),
  visibility: "owner",
  teamId: null,
  ...overrides,
});

/** The tenant's default settings, with only what a test names changed. */
export const makeSettings = (overrides: Partial<Settings> = {}): Settings => ({
  ...defaultSettings(),
  ...overrides,
});

export const makeRoutingTarget = (overrides: Partial<RoutingTarget> = {}): RoutingTarget => ({
  tenantId: TENANT_ID,
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
