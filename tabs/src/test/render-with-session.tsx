import type { Me, SettingsAnswer as Settings, UserSummary } from "@dealflow/contract";
import { FluentProvider, teamsLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import type { DealflowApi } from "../api/dealflow-api.js";
import { type Session, SessionProvider } from "../app/session.js";
import { I18nProvider, type Locale } from "../i18n/i18n.js";
import { NotifyHost } from "../views/common/notify.js";

/** The durations a fresh tenant's settings have (SPEC §3's defaults). */
export const defaultDurations = (): Settings["durations"] => ({
  firstContactTargetMinutes: 15,
  firstContactEscalationMinutes: 240,
  secondContactDelayMinutes: 1440,
  proposalDelayMinutes: 4320,
  classificationFollowUpDays: {
    "potential-consultant": 7,
    promising: 14,
    likely: 30,
    undecided: 60,
  },
  notSureFollowUpDays: 14,
  routingOfferWindowMinutes: 4320,
  taskDueSoonMinutes: 60,
  taskOverdueEscalationMinutes: null,
});

/** A seller's GET /api/settings with the default durations and, unless a test adds some, no pipelines. */
export const testSettings = {
  durations: defaultDurations(),
  discardReasons: [
    { id: "no-budget", label: "No budget" },
    { id: "other", label: "Other" },
  ],
  sources: [
    { id: "web-form", label: "Web form" },
    { id: "referral", label: "Referral" },
  ],
  pipelines: [],
  timeZone: "UTC",
  locale: "en",
} satisfies Settings;

export const seller: Me = {
  id: "u-ana",
  tenantId: "t1",
  name: "Ana",
  role: "seller",
  locale: "en",
};

const DEFAULT_USERS: UserSummary[] = [
  { id: "u-ana", name: "Ana", email: "ana@example.test", role: "seller", active: true },
  { id: "u-luis", name: "Luis", email: null, role: "seller", active: true },
];

/** Renders `ui` as the app does: Fluent theme, i18n and a session whose API is `api`. */
export const renderWithSession = (
  ui: ReactElement,
  options: {
    api?: Partial<DealflowApi>;
    me?: Me;
    locale?: Locale;
    /** The tenant's settings; the defaults of a fresh tenant unless given. */
    settings?: Session["settings"];
    users?: UserSummary[];
    refreshSettings?: () => Promise<void>;
    /** false for a ui that mounts the shell's toaster itself (the Shell). */
    toaster?: boolean;
  } = {},
) => {
  const users = options.users ?? DEFAULT_USERS;
  const session: Session = {
    api: options.api as DealflowApi,
    me: options.me ?? seller,
    settings: options.settings ?? testSettings,
    users,
    userNames: new Map(users.map((user) => [user.id, user.name])),
    refreshSettings: options.refreshSettings ?? (async () => {}),
  };
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <I18nProvider locale={options.locale ?? "en"} timeZone="UTC">
        <SessionProvider session={session}>
          {ui}
          {/* The shell's toaster, so a view's toasts can be read in a test. */}
          {options.toaster !== false && <NotifyHost />}
        </SessionProvider>
      </I18nProvider>
    </FluentProvider>,
  );
};
