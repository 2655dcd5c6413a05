import type { ConnectorEvent } from "@dealflow/contract";
import {
  applicationExternalId,
  clientAccepted,
  clientDeclined,
  DomainError,
  type MarketplaceOutcome,
  meetingHeld,
  meetingScheduled,
  type Opportunity,
  receiveApplication,
  type UseCaseContext,
} from "@dealflow/core";
import type { Store } from "../../storage/store.js";
import { receiveRequest } from "./receive-request.js";

/** What an event decided: the change to commit, or the opportunity an earlier event made. */
export type AppliedEvent =
  | { kind: "change"; created: boolean; outcome: MarketplaceOutcome<Opportunity> }
  | { kind: "replay"; opportunity: Opportunity };

const noApplication = () =>
  new DomainError("validation", "No application with this id was received from this connector.", [
    { path: "applicationId", message: "names no application received from this marketplace" },
  ]);

/**
 * One connector event through its core use case (docs/marketplace.md). An application is
 * found again by `applicationExternalId`, so a second delivery under a new event id is a
 * replay; the other events are mapped to the opportunity the same way.
 */
export const applyConnectorEvent = async (
  store: Store,
  connectorKey: string,
  event: ConnectorEvent,
  ctx: UseCaseContext,
): Promise<AppliedEvent> => {
  const externalId = applicationExternalId(connectorKey, event.applicationId);
  const opportunity = await store.findOpportunityByExternalId(ctx.tenantId, externalId);
  if (event.type === "application-submitted") {
    if (opportunity !== null) return { kind: "replay", opportunity };
    const { id: _id, type: _type, ...application } = event;
    return {
      kind: "change",
      created: true,
      outcome: receiveApplication({ ...application, connectorKey }, ctx),
    };
  }
  if (event.type === "request-received") {
    if (opportunity !== null) return { kind: "replay", opportunity };
    return {
      kind: "change",
      created: true,
      outcome: await receiveRequest(store, connectorKey, event, ctx),
    };
  }
  if (opportunity === null) throw noApplication();
  const change = (outcome: MarketplaceOutcome<Opportunity>): AppliedEvent => ({
    kind: "change",
    created: false,
    outcome,
  });
  switch (event.type) {
    case "client-accepted": {
      const contact = await store.getContact(ctx.tenantId, opportunity.contact.id);
      if (contact === null) throw new Error(`Contact ${opportunity.contact.id} is missing.`);
      return change(
        clientAccepted(
          {
            opportunity,
            contact,
            client: event.client ? withoutNulls(event.client) : null,
            meetingAt: event.meetingAt ?? null,
            meetingUrl: event.meetingUrl ?? null,
          },
          ctx,
        ),
      );
    }
    case "client-declined":
      return change(clientDeclined({ opportunity, declinedAt: event.declinedAt ?? null }, ctx));
    case "meeting-scheduled":
      return change(
        meetingScheduled(
          { opportunity, meetingAt: event.meetingAt, meetingUrl: event.meetingUrl ?? null },
          ctx,
        ),
      );
    case "meeting-held":
      return change(meetingHeld({ opportunity }, ctx));
  }
};

// An acceptance that leaves a field out (or sends null) keeps what the application said.
const withoutNulls = <T extends Record<string, unknown>>(fields: T) =>
  Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== null && value !== undefined),
  ) as { [K in keyof T]?: Exclude<T[K], null> };
