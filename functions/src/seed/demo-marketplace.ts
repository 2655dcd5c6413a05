import type {
  ApplicationSubmitted,
  MarketplaceConnectorSettings,
  RoutingCriteria,
  RoutingTarget,
} from "@dealflow/core";
import { DEMO_TENANT_ID, DEMO_USERS } from "./demo-tenant.js";

/**
 * The demo's marketplace (SPEC §4.4), with the default 24 h / 48 h clocks, landing in the
 * first pipeline. It has no signing secret: a manager creates one in Settings when a real
 * marketplace is to send events.
 */
export const DEMO_CONNECTOR: MarketplaceConnectorSettings = {
  key: "malt",
  name: "Malt",
  pipelineId: null,
  reminderMinutes: 24 * 60,
  revealMinutes: 48 * 60,
};

const target = (
  id: string,
  fields: Omit<RoutingTarget, "tenantId" | "id" | "active">,
): RoutingTarget => ({ tenantId: DEMO_TENANT_ID, id, active: true, ...fields });

/**
 * The routing catalog (SPEC §4.5): the two sellers, and a partner agency whose offers Marta
 * answers (she handles the partners). The agency came with its record from the previous
 * catalog; the sellers have no client reviews yet. Services are the demo's own codes.
 */
export const DEMO_ROUTING_TARGETS: readonly RoutingTarget[] = [
  target("de300000-0000-4000-8000-0000000000f1", {
    name: DEMO_USERS.ana.name,
    type: "internal",
    level: "silver",
    country: "ES",
    primaryLanguage: "es",
    secondaryLanguages: ["en"],
    services: ["web design", "online shop", "seo"],
    rating: 0,
    reviewCount: 0,
    completedProjects: 0,
    userId: DEMO_USERS.ana.id,
  }),
  target("de300000-0000-4000-8000-0000000000f2", {
    name: DEMO_USERS.luis.name,
    type: "internal",
    level: "silver",
    country: "ES",
    primaryLanguage: "es",
    secondaryLanguages: ["en", "fr"],
    services: ["web design", "maintenance", "branding"],
    rating: 0,
    reviewCount: 0,
    completedProjects: 0,
    userId: DEMO_USERS.luis.id,
  }),
  target("de300000-0000-4000-8000-0000000000f3", {
    name: "Estudio Norte",
    type: "agency",
    level: "gold",
    country: "ES",
    primaryLanguage: "es",
    secondaryLanguages: ["en"],
    services: ["web design", "online shop", "branding"],
    rating: 4.6,
    reviewCount: 5,
    completedProjects: 14,
    userId: DEMO_USERS.marta.id,
  }),
];

/** What the routed demo lead asks of its targets: every target of the catalog matches. */
export const DEMO_ROUTING_CRITERIA: RoutingCriteria = { service: "web design", language: "es" };

/** The routed lead's offers went out this long ago: with the 3-day window, ~2 days remain. */
export const DEMO_OFFERS_SENT_HOURS_AGO = 22;

/** One application of the demo and what the client did about it, relative to the seeding. */
export type DemoApplication = {
  appliedHoursAgo: number;
  submitted: Omit<ApplicationSubmitted, "connectorKey" | "appliedAt" | "ownerId">;
  /** The client accepted this long ago, with a meeting this many hours from now. */
  accepted?: { hoursAgo: number; meetingInHours: number; meetingUrl: string };
  /** The client declined this long ago (before the 48 h reveal: withheld). */
  declinedHoursAgo?: number;
};

const FEE = { amount: 25, currency: "EUR" };

/**
 * Luis applied to three briefs; only Luis and Marta see them, so Ana's queues stay as the
 * demo plans make them. One client still hidden (reminder and reveal still ahead), one who
 * accepted with a meeting tomorrow, one who declined within 48 h (fee refund eligible).
 */
export const DEMO_APPLICATIONS: readonly DemoApplication[] = [
  {
    appliedHoursAgo: 10,
    submitted: {
      applicationId: "malt-app-1001",
      title: "Booking website for a chain of yoga studios",
      brief:
        "Booking website for a chain of yoga studios\nThree studios, class schedules, online payments.",
      client: {
        name: "Valeria Montes",
        email: "valeria@yogaluz.example",
        phone: "+34 611 300 201",
        company: "Yoga Luz",
        preferredChannel: "email",
      },
      fee: FEE,
    },
  },
  {
    appliedHoursAgo: 30,
    submitted: {
      applicationId: "malt-app-1002",
      title: "Online shop for handmade ceramics",
      brief: "Online shop for handmade ceramics\nAbout 200 products, shipping to the EU.",
      client: {
        name: "Adrián Lozano",
        email: "adrian@lozanoceramica.example",
        phone: "+34 611 300 202",
        company: "Lozano Cerámica",
        preferredChannel: "teams-meeting",
      },
      fee: FEE,
    },
    accepted: {
      hoursAgo: 8,
      meetingInHours: 26,
      meetingUrl: "https://teams.microsoft.com/l/meetup-join/demo-lozano",
    },
  },
  {
    appliedHoursAgo: 40,
    submitted: {
      applicationId: "malt-app-1003",
      title: "Corporate website redesign for a law firm",
      brief: "Corporate website redesign for a law firm\nFive pages, Spanish and English.",
      client: {
        name: "Gonzalo Ibarra",
        email: "gonzalo@ibarralegal.example",
        phone: "+34 611 300 203",
        company: "Ibarra Legal",
        preferredChannel: "phone",
      },
      fee: FEE,
    },
    declinedHoursAgo: 20,
  },
];
