import type {
  Activity,
  MarketplaceApplication,
  MarketplaceConnector,
  OpportunityListItem as Opportunity,
} from "@dealflow/contract";
import { FluentProvider, teamsLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import type { DealflowApi } from "../../api/dealflow-api.js";
import { type Session, SessionProvider } from "../../app/session.js";
import { I18nProvider, type Locale } from "../../i18n/i18n.js";
import { seller, testSettings } from "../../test/render-with-session.js";
import { serverFilled } from "../../test/wire-fixtures.js";
import { NotifyHost } from "../common/notify.js";

/** Every fixed clock of these tests counts from this application instant. */
export const APPLIED_AT = "2026-03-02T08:00:00.000Z";
export const hoursAfterApplying = (hours: number): Date =>
  new Date(Date.parse(APPLIED_AT) + hours * 3_600_000);

/**
 * The marks the server sends while the client is hidden, by the marketplace's durations from
 * the application (the settings' defaults unless a test says otherwise: 24 h and 48 h).
 */
export const serverMarks = (appliedAt: string, reminderHours = 24, revealHours = 48) => ({
  reminderAt: new Date(Date.parse(appliedAt) + reminderHours * 3_600_000).toISOString(),
  revealAt: new Date(Date.parse(appliedAt) + revealHours * 3_600_000).toISOString(),
});

export const application = (
  overrides: Partial<MarketplaceApplication> = {},
): MarketplaceApplication => ({
  ...((overrides.visibility ?? "hidden") === "hidden"
    ? serverMarks(overrides.appliedAt ?? APPLIED_AT)
    : { reminderAt: null, revealAt: null }),
  connectorKey: "workana",
  visibility: "hidden",
  appliedAt: APPLIED_AT,
  brief: "We need a new Shopify store.",
  meetingAt: null,
  meetingUrl: null,
  meetingHeld: false,
  fee: { amount: 25, currency: "EUR" },
  refund: "none",
  refundReason: null,
  revealedAt: null,
  ...overrides,
});

/** A marketplace opportunity as the API answers it while hidden: the server's placeholders. */
export const marketplaceOpportunity = (
  overrides: Partial<MarketplaceApplication> = {},
  id = "o-mkt",
): Opportunity => ({
  ...serverFilled(APPLIED_AT),
  id,
  title: "Rebuild the online shop",
  stage: "new",
  status: "open",
  receivedAt: APPLIED_AT,
  ownerId: "u-ana",
  source: "marketplace",
  campaign: "Workana",
  contact: {
    id: `c-${id}`,
    name: "Hidden client",
    email: null,
    phone: null,
    company: null,
    linkedinUrl: null,
    preferredChannel: null,
  },
  participants: [],
  followers: [],
  tags: [],
  value: null,
  marketplace: application(overrides),
});

export const activity = (type: string, at: string, details: object = {}): Activity =>
  ({ id: `a-${type}`, opportunityId: "o-mkt", at, actorId: null, type, ...details }) as Activity;

/** What the tests say of a connector; the rest is filled as the server sends it. */
type ConnectorDelays = Pick<
  MarketplaceConnector,
  "key" | "name" | "reminderMinutes" | "revealMinutes"
>;

/** Renders as the app does; `marketplaces` stands for a manager's settings (sellers get none). */
export const renderMarketplace = (
  ui: ReactElement,
  options: { marketplaces?: ConnectorDelays[]; locale?: Locale } = {},
) => {
  const session: Session = {
    api: {} as DealflowApi,
    me: seller,
    settings: {
      ...testSettings,
      ...(options.marketplaces
        ? {
            marketplaces: options.marketplaces.map(
              (connector): MarketplaceConnector => ({
                pipelineId: null,
                hasSecret: true,
                ...connector,
              }),
            ),
          }
        : {}),
    },
    users: [{ id: "u-ana", name: "Ana", email: null, role: "seller", active: true }],
    userNames: new Map([["u-ana", "Ana"]]),
    refreshSettings: async () => {},
  };
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <I18nProvider locale={options.locale ?? "en"} timeZone="UTC">
        <SessionProvider session={session}>
          {ui}
          <NotifyHost />
        </SessionProvider>
      </I18nProvider>
    </FluentProvider>,
  );
};
