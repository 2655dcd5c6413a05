import type { HttpRequest } from "@azure/functions";
import { DomainError, isDomainError, type Opportunity } from "@dealflow/core";
import { z } from "zod";
import type { Calendar } from "../../graph/calendar.js";
import type { RouteDeps } from "../api-context.js";
import { systemContext } from "../api-context.js";
import { defineApiRoute } from "../api-route.js";
import { HttpProblem } from "../http/api-problem.js";
import { readRawBody } from "../http/request-body.js";
import {
  createSenderLimiter,
  DEFAULT_SENDER_LIMITS,
  type SenderLimits,
} from "../intake/sender-limits.js";
import { applyConnectorEvent } from "./apply-connector-event.js";
import {
  connectorEventSchema,
  connectorKeySchema,
  type EventAnswer,
  eventAnswerSchema,
} from "./connector-events.js";
import { assertConnectorSigned } from "./connector-signature.js";
import { executeIntents } from "./marketplace-intents.js";

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
    params: z.object({ connectorKey: connectorKeySchema }),
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

      const applied = await applyConnectorEvent(deps.store, row.key, event, ctx);
      if (applied.kind === "replay") {
        return { status: 200, body: answerOf(event.id, applied.opportunity, false) };
      }
      const { outcome } = applied;
      const changed = outcome.changes.length > 0 || outcome.cancel.length > 0;
      if (changed) {
        try {
          await deps.store.commit(row.tenantId, outcome);
        } catch (error) {
          // The same application delivered twice at once: the second finds the first's row.
          if (!(applied.created && isDomainError(error) && error.code === "already-exists")) {
            throw error;
          }
          const again = await applyConnectorEvent(deps.store, row.key, event, ctx);
          const winner = again.kind === "replay" ? again.opportunity : null;
          if (winner === null) throw error;
          return { status: 200, body: answerOf(event.id, winner, false) };
        }
      }
      try {
        await executeIntents(deps, row.tenantId, outcome.intents);
      } catch (error) {
        // The change is committed and the marketplace must not resend it for our calendar's
        // sake: the meeting stays on the opportunity; the owner can add it by hand.
        context.warn("marketplaceEvents: calendar event not written:", error);
      }
      const status = applied.created ? 201 : 200;
      const answer = answerOf(event.id, outcome.value, changed);
      await log.record(row.key, row.tenantId, { status, answer }, ctx.now);
      return { status, body: answer };
    },
  });
};
