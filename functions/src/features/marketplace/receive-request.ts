import type { ConnectorEvent } from "@dealflow/contract";
import {
  applicationExternalId,
  connectorPipelineId,
  createOpportunity,
  findConnector,
  type MarketplaceOutcome,
  mergeChangeSets,
  newNote,
  type Opportunity,
  type RoutingCriteria,
  sendOffers,
  type UseCaseContext,
} from "@dealflow/core";
import type { Store } from "../../storage/store.js";
import { loadCatalog } from "../routing/index.js";

type RequestReceived = Extract<ConnectorEvent, { type: "request-received" }>;

const criteriaOf = (event: RequestReceived): RoutingCriteria => {
  const given = Object.entries(event.criteria ?? {}).filter(
    ([, value]) => value !== null && value !== undefined && value !== "",
  );
  return Object.fromEntries(given) as RoutingCriteria;
};

const firstLine = (text: string | null | undefined): string | null =>
  text
    ?.split(/\r?\n/)
    .find((line) => line.trim() !== "")
    ?.trim()
    .slice(0, 200) ?? null;

/**
 * SPEC §4.5: a client's request becomes an opportunity in the connector's pipeline (a
 * pipeline named after the marketplace, else the first), unassigned, and is routed at once to
 * the best-ranked partners — created and offered in one commit, so a failure leaves neither.
 * The brief is kept as a note; with no matching target the managers' prompt is written too.
 */
export const receiveRequest = async (
  store: Store,
  connectorKey: string,
  event: RequestReceived,
  ctx: UseCaseContext,
): Promise<MarketplaceOutcome<Opportunity>> => {
  const connector = findConnector(ctx.settings, connectorKey);
  const created = createOpportunity(
    {
      contact: event.client,
      source: "marketplace",
      campaign: connector.name,
      title: event.title ?? firstLine(event.brief),
      ownerId: null,
      pipelineId: connectorPipelineId(ctx.settings, connector),
      receivedAt: event.receivedAt ?? null,
      externalId: applicationExternalId(connectorKey, event.applicationId),
      origin: "intake",
    },
    ctx,
  );
  const catalog = await loadCatalog(store, ctx.tenantId);
  const routed = sendOffers(
    {
      mode: "automatic",
      opportunity: created.value,
      criteria: criteriaOf(event),
      offers: [],
      catalog,
    },
    ctx,
  );
  const brief = event.brief?.trim() ? [newNote(created.value.id, event.brief.trim(), ctx)] : [];
  return {
    ...mergeChangeSets(created, ...brief, routed),
    value: created.value,
    intents: [],
  };
};
