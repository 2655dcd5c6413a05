import type { Me } from "@dealflow/contract";
import { vi } from "vitest";
import type { DealflowApi } from "../../api/dealflow-api.js";
import type { ManagerSettings, SettingsBody, Team } from "../../api/settings-api.js";
import { defaultDurations, renderWithSession } from "../../test/render-with-session.js";
import { SettingsView } from "./SettingsView.js";

export const manager: Me = {
  id: "u-marta",
  tenantId: "t1",
  name: "Marta",
  role: "manager",
  locale: "en",
};

/** A manager's GET /api/settings as the server answers it for a fresh tenant, plus one form and a connector. */
export const settingsDocument = (): ManagerSettings => ({
  durations: defaultDurations(),
  workingHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" },
  activityFeed: false,
  retentionDays: 90,
  routingOffersAtOnce: 3,
  discardReasons: [
    { id: "no-budget", label: "No budget" },
    { id: "other", label: "Other" },
  ],
  sources: [
    { id: "web-form", label: "Web form" },
    { id: "referral", label: "Referral" },
  ],
  pipelines: [
    {
      id: "sales",
      name: "Sales",
      stages: [
        { id: "new", name: "New", role: "new" },
        { id: "proposal", name: "Proposal", role: "proposal" },
        { id: "won", name: "Won", role: "won" },
        { id: "lost", name: "Lost", role: "lost" },
      ],
      visibility: "owner",
      teamId: null,
    },
  ],
  managerIds: [],
  timeZone: "Europe/Madrid",
  locale: "en",
  marketplaces: [
    {
      key: "malt",
      name: "Malt",
      pipelineId: null,
      reminderMinutes: 1440,
      revealMinutes: 2880,
      hasSecret: false,
    },
  ],
  intakeForms: [
    {
      key: "contact-us-1a2b",
      name: "Contact us",
      source: "web-form",
      campaign: null,
      pipelineId: null,
      ownerId: null,
      routing: "round-robin",
      active: true,
      hasSecret: false,
    },
  ],
});

/** GET /api/teams: one team the bot is in, Marta in it from Teams' roster. */
export const teamsDocument = (): Team[] => [
  {
    id: "4f1c2a9e-0000-4000-8000-00000000aa01",
    name: "Partners East",
    installedAt: "2026-03-01T09:00:00.000Z",
    members: [
      {
        userId: "u-marta",
        name: "Marta",
        email: null,
        fromTeams: true,
        addedByManager: false,
        isUser: true,
      },
    ],
  },
];

/**
 * The server's answer to a save, as a mock gives it: the document the editor wrote back (the
 * whole one it read, so complete), no form or connector shown with a secret.
 */
const savedAnswer = (document: SettingsBody): ManagerSettings => {
  const written = document as ManagerSettings;
  return {
    ...written,
    intakeForms: written.intakeForms.map((form) => ({ ...form, hasSecret: false })),
    marketplaces: written.marketplaces.map((connector) => ({ ...connector, hasSecret: false })),
  };
};

/** The Settings view of a manager, over an API whose settings routes are mocks. */
export const renderSettings = (api: Partial<DealflowApi> = {}) => {
  const refreshSettings = vi.fn(async () => {});
  const mocks = {
    readSettings: vi.fn(async () => ({ data: settingsDocument(), etag: 'W/"v1"' })),
    saveSettings: vi.fn(async (document: SettingsBody, _ifMatch: string | null) => ({
      data: savedAnswer(document),
      etag: 'W/"v2"',
    })),
    listTeams: vi.fn(async (): Promise<Team[]> => teamsDocument()),
    rotateIntakeSecret: vi.fn(async (key: string) => ({
      key,
      secret: "s3cr3t-only-once",
      intakePath: `/api/intake/${key}`,
    })),
  };
  renderWithSession(<SettingsView />, {
    api: { ...mocks, ...api },
    me: manager,
    refreshSettings,
  });
  return { ...mocks, refreshSettings };
};
