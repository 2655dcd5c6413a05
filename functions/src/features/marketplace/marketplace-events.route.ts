import type { HttpRequest } from "@azure/functions";
import {
  connectorEventParams,
  connectorEventSchema,
  type EventAnswer,
  eventAnswerSchema,
} from "@dealflow/contract";
import { DomainError, type Opportunity } from "@dealflow/core";
import type { RouteDeps } from "../../api/api-context.js";
import { defineApiRoute } from "../../api/api-route.js";
import { HttpProblem } from "../../api/http/api-problem.js";
import { readRawBody } from "../../api/http/request-body.js";
import type { Calendar } from "../../graph/calendar.js";
import { systemContext } from "../../service-kit/acting-context.js";
import { createSenderLimiter, DEFAULT_SENDER_LIMITS, type SenderLimits } from "../intake/index.js";
import { assertConnectorSigned } from "./connector-signature.js";
import { applyMarketplaceEvent } from "./marketplace.service.js";

// Unknown and unconfigured connectors look the same: which tenants exist does not leak.
const unknownConnector = () => new DomainError("not-found", "No such marketplace connector.");

const readJson = (body: Buffer): unknown => {
  try {
    return JSON.parse(body.toString("utf8")) as unknown;
  } catch {
    throw new HttpProblem(400, "Invalid request", "The body is not valid JSON.");
  }
};

const answerOf = (eventId: string, opportunity: Opportunity, changed: boolean): EventAnswer => ({
  eventId,
  opportunityId: opportunity.id,
  visibility: opportunity.marketplace?.visibility ?? "revealed",
  changed,
  replayed: false,
});

/**
 * POST /api/marketplace/{connectorKey}/events (SPEC §4.4, §6): what a marketplace tells about
 * an application. No bearer token: an HMAC of the timestamped body with the connector's
 * secret authenticates it (connector-signature.ts). Authenticated first, then rate-limited
 * per key; failed attempts have their own budget per client address (sender-limits.ts).
 * Idempotent by the event id (a replay answers the first answer and writes nothing).
 */
export const marketplaceEventsRoute = (
  deps: RouteDeps & { calendar: Calendar },
  limits: SenderLimits = DEFAULT_SENDER_LIMITS,
) => {
  const { connectors, marketplaceEvents: log } = deps.store;
  const senders = createSenderLimiter(limits, deps.clock, "events for this connector");

  const authenticate = async (connectorKey: string, request: HttpRequest) => {
    const body = await readRawBody(request);
    const row = await connectors.get(connectorKey);
    if (row === null) throw unknownConnector();
    const ctx = await systemContext(deps, row.tenantId);
    if (!ctx.settings.marketplaces.some((connector) => connector.key === row.key)) {
      throw unknownConnector();
    }
    assertConnectorSigned(request, body, row.secret, ctx.now);
    return { body, row, ctx };
  };

  return defineApiRoute(deps, {
    name: "marketplaceEvents",
    method: "POST",
    route: "marketplace/{connectorKey}/events",
    summary: "Receive an event from a marketplace connector (HMAC-signed)",
    tag: "marketplace",
    auth: false,
    params: connectorEventParams,
    rawBody: {
      contentTypes: ["application/json"],
      description:
        "One event: { id, type, applicationId, … } with type application-submitted, client-accepted, client-declined, meeting-scheduled, meeting-held or request-received (docs/api.md).",
    },
    responses: {
      201: {
        description: "The application or request became an opportunity",
        schema: eventAnswerSchema,
      },
      200: {
        description: "Applied, or a replay of an event already received",
        schema: eventAnswerSchema,
      },
      400: { description: "Invalid body; errors name the field" },
      401: { description: "Missing, stale or wrong signature" },
      404: { description: "No such connector" },
      409: { description: "The application cannot take this event (declined for good)" },
      413: { description: "Body over 1 MiB" },
      429: {
        description:
          "Too many events for this connector, or too many failed attempts from this address; see Retry-After",
      },
    },
    async handler({ params, request, context }) {
      const { body, row, ctx } = await senders.admit(request, params.connectorKey, () =>
        authenticate(params.connectorKey, request),
      );
      const event = connectorEventSchema.parse(readJson(body));

      const earlier = await log.find<EventAnswer>(row.key, event.id);
      if (earlier) return { status: earlier.status, body: { ...earlier.answer, replayed: true } };

      const applied = await applyMarketplaceEvent(
        { ...deps, warn: (message, error) => context.warn(message, error) },
        { tenantId: row.tenantId, key: row.key },
        event,
      );
      if (applied.kind === "replay") {
        return { status: 200, body: answerOf(event.id, applied.opportunity, false) };
      }
      const status = applied.created ? 201 : 200;
      const answer = answerOf(event.id, applied.opportunity, applied.changed);
      await log.record(row.key, row.tenantId, { status, answer }, ctx.now);
      return { status, body: answer };
    },
  });
};
