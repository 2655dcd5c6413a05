import type { Activity, ActivityDetails, SettingsAnswer as Settings } from "@dealflow/contract";
import { FluentProvider, teamsLightTheme } from "@fluentui/react-components";
import { cleanup, render, screen, within } from "@testing-library/react";
import type { DealflowApi } from "../../../api/dealflow-api.js";
import { type Session, SessionProvider } from "../../../app/session.js";
import { I18nProvider, type Locale } from "../../../i18n/i18n.js";
import { seller, testSettings } from "../../../test/render-with-session.js";
import { TimelineSection } from "../TimelineSection.js";

/** Madrid is an hour ahead of UTC in March: a date said in UTC would be off by one hour. */
export const TIME_ZONE = "Europe/Madrid";

export const SETTINGS = {
  ...testSettings,
  pipelines: [
    {
      id: "sales",
      name: "Sales",
      stages: [
        { id: "new", name: "New", role: "new" },
        { id: "proposal", name: "Proposal sent", role: "proposal" },
      ],
      visibility: "owner",
      teamId: null,
    },
    {
      id: "partners",
      name: "Partners",
      stages: [{ id: "p-signed", name: "Agreement signed", role: null }],
      visibility: "owner",
      teamId: null,
    },
  ],
} satisfies Settings;

const USER_NAMES = new Map([
  ["u-ana", "Ana García"],
  ["u-luis", "Luis Romero"],
  ["u-marta", "Marta Díaz"],
]);

let sequence = 0;

/** A line as the API sends it, by Ana unless `actorId` says otherwise. */
export const line = (
  details: ActivityDetails | { type: string; [detail: string]: unknown },
  actorId: string | null = "u-ana",
): Activity => {
  sequence += 1;
  return {
    id: `a${sequence}`,
    opportunityId: "o1",
    at: "2026-03-02T09:30:00.000Z",
    actorId,
    ...details,
  } as Activity;
};

/**
 * Renders the section in `locale` and answers the text of each line without its time, spaces
 * normalised (Intl puts narrow no-break spaces in times). Replaces what an earlier call rendered.
 */
export const renderTimeline = (activities: Activity[], locale: Locale = "en"): string[] => {
  const session: Session = {
    api: {} as DealflowApi,
    me: seller,
    settings: SETTINGS,
    users: [],
    userNames: USER_NAMES,
    refreshSettings: async () => {},
  };
  cleanup();
  render(
    <FluentProvider theme={teamsLightTheme}>
      <I18nProvider locale={locale} timeZone={TIME_ZONE}>
        <SessionProvider session={session}>
          <TimelineSection activities={activities} />
        </SessionProvider>
      </I18nProvider>
    </FluentProvider>,
  );
  const heading = locale === "es" ? "Historial" : "Timeline";
  const region = screen.getByRole("region", { name: heading });
  return within(region)
    .queryAllByRole("listitem")
    .map((item) => {
      const time = item.querySelector("time")?.textContent ?? "";
      return (item.textContent ?? "").slice(time.length).replace(/\s+/g, " ").trim();
    });
};
