import { lazy } from "react";
import type { ChannelConfigPort } from "../host/channel-config-port.js";
import type { ViewId } from "./nav-items.js";

// One chunk per view: the shell loads only the view on screen.
const AgendaView = lazy(() =>
  import("../views/agenda/AgendaView.js").then((module) => ({ default: module.AgendaView })),
);
const QueueView = lazy(() =>
  import("../views/first-contact/QueueView.js").then((module) => ({ default: module.QueueView })),
);
const OpportunitiesView = lazy(() =>
  import("../views/opportunities/OpportunitiesView.js").then((module) => ({
    default: module.OpportunitiesView,
  })),
);
const ContactsView = lazy(() =>
  import("../views/contact/ContactsView.js").then((module) => ({ default: module.ContactsView })),
);
const DetailView = lazy(() =>
  import("../views/detail/DetailView.js").then((module) => ({ default: module.DetailView })),
);
const PipelineView = lazy(() =>
  import("../views/pipeline/PipelineView.js").then((module) => ({ default: module.PipelineView })),
);
const OffersView = lazy(() =>
  import("../views/offers/OffersView.js").then((module) => ({ default: module.OffersView })),
);
const MarketplaceView = lazy(() =>
  import("../views/marketplace/MarketplaceView.js").then((module) => ({
    default: module.MarketplaceView,
  })),
);
const ChannelConfigView = lazy(() =>
  import("../views/config/ChannelConfigView.js").then((module) => ({
    default: module.ChannelConfigView,
  })),
);
const ReportsView = lazy(() =>
  import("../views/reports/ReportsView.js").then((module) => ({ default: module.ReportsView })),
);
const SettingsView = lazy(() =>
  import("../views/settings/SettingsView.js").then((module) => ({ default: module.SettingsView })),
);

export const OpportunityDetailFor = (props: { id: string; onBack: () => void }) => (
  <DetailView key={props.id} id={props.id} onBack={props.onBack} />
);

/** The channel tab's configuration page (`#/config`), shown without the navigation. */
export const ChannelConfigFor = (props: { port: ChannelConfigPort }) => (
  <ChannelConfigView port={props.port} />
);

export const ViewFor = (props: { view: ViewId; pipelineId: string | null }) => {
  switch (props.view) {
    case "agenda":
      return <AgendaView />;
    case "first-contact":
    case "second-contact":
      return <QueueView key={props.view} view={props.view} />;
    case "mine":
    case "following":
      return <OpportunitiesView key={props.view} view={props.view} />;
    case "contacts":
      return <ContactsView />;
    case "pipeline":
      return <PipelineView defaultPipelineId={props.pipelineId} />;
    case "offers":
      return <OffersView />;
    case "marketplace":
      return <MarketplaceView />;
    case "reports":
      return <ReportsView />;
    case "settings":
      return <SettingsView />;
  }
};
