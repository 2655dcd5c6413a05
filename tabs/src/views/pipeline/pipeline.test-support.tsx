import type { Me, OpportunityListItem as Opportunity, Pipeline } from "@dealflow/contract";
import { FluentProvider, teamsLightTheme } from "@fluentui/react-components";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import type { DealflowApi } from "../../api/dealflow-api.js";
import { type Session, SessionProvider } from "../../app/session.js";
import { I18nProvider } from "../../i18n/i18n.js";
import { seller, testSettings } from "../../test/render-with-session.js";
import { serverFilled } from "../../test/wire-fixtures.js";
import { NotifyHost } from "../common/notify.js";

const stages: Pipeline["stages"] = [
  { id: "new", name: "New", role: "new" },
  { id: "proposal", name: "Proposal", role: "proposal" },
  { id: "won", name: "Won", role: "won" },
];

const teamless = { visibility: "owner", teamId: null } as const;
export const salesPipeline: Pipeline = { id: "sales", name: "Sales", stages, ...teamless };
export const partnersPipeline: Pipeline = { id: "partners", name: "Partners", stages, ...teamless };

export const manager: Me = { ...seller, id: "u-marta", name: "Marta", role: "manager" };

export const opportunityOf = (
  id: string,
  fields: Partial<Opportunity> & { contactName?: string } = {},
): Opportunity => {
  const { contactName, ...rest } = fields;
  return {
    ...serverFilled("2026-01-01T09:00:00Z"),
    id,
    title: `Website for ${contactName ?? id}`,
    pipelineId: "sales",
    stage: "new",
    status: "open",
    receivedAt: "2026-01-01T09:00:00Z",
    ownerId: "u-ana",
    source: "web-form",
    campaign: null,
    contact: {
      id: `c-${id}`,
      name: contactName ?? id,
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
    ...rest,
  };
};

/** Renders as the app does, with the tenant's pipelines in the settings (the shared helper has none). */
export const renderWithPipelines = (
  ui: ReactElement,
  options: { api: Partial<DealflowApi>; me?: Me; pipelines?: Pipeline[] },
) => {
  const session: Session = {
    api: options.api as DealflowApi,
    me: options.me ?? seller,
    settings: { ...testSettings, pipelines: options.pipelines ?? [salesPipeline] },
    users: [
      { id: "u-ana", name: "Ana", email: null, role: "seller", active: true },
      { id: "u-luis", name: "Luis", email: null, role: "seller", active: true },
      { id: "u-marta", name: "Marta", email: null, role: "manager", active: true },
    ],
    userNames: new Map([
      ["u-ana", "Ana"],
      ["u-luis", "Luis"],
      ["u-marta", "Marta"],
    ]),
    refreshSettings: async () => {},
  };
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <I18nProvider locale="en" timeZone="UTC">
        <SessionProvider session={session}>
          {ui}
          <NotifyHost />
        </SessionProvider>
      </I18nProvider>
    </FluentProvider>,
  );
};
