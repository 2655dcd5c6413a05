import type { ConnectorEvent } from "@dealflow/contract";
import {
  type Deadline,
  isDomainError,
  type MarketplaceIntent,
  marketplaceReminderFired,
  marketplaceRevealFired,
  type Opportunity,
} from "@dealflow/core";
import type { Calendar } from "../../graph/calendar.js";
import { systemContext } from "../../service-kit/acting-context.js";
import type { ServiceDeps } from "../../service-kit/service-deps.js";
import { applyConnectorEvent } from "./apply-connector-event.js";
import { executeIntents } from "./marketplace-intents.js";

/**
 * What happens outside the store after a marketplace change: the meeting goes into the owner's
 * calendar when there is one (Graph, or the local outbox); without one (the seed) it stays on
 * the record. A failure is reported, never thrown: the change is committed already.
 */
export type MarketplaceDeps = ServiceDeps & {
  calendar?: Calendar;
  warn?: (message: string, error: unknown) => void;
};

/** An event that became a change, or one that found what an earlier delivery made. */
export type MarketplaceEventResult =
  | { kind: "applied"; opportunity: Opportunity; created: boolean; changed: boolean }
  | { kind: "replay"; opportunity: Opportunity };

/** The calendar entries a marketplace change asks for; a failure is logged, never thrown. */
export const runMarketplaceIntents = async (
  deps: MarketplaceDeps,
  tenantId: string,
  intents: readonly MarketplaceIntent[],
) => {
  if (deps.calendar === undefined || intents.length === 0) return;
  try {
    await executeIntents({ store: deps.store, calendar: deps.calendar }, tenantId, intents);
  } catch (error) {
    // The marketplace must not resend the event, nor a sweep repeat the reveal, for our
    // calendar's sake: the meeting stays on the opportunity; the owner can add it by hand.
    deps.warn?.("marketplace: calendar event not written:", error);
  }
};

/**
 * SPEC §4.4 and §6: one connector event through its core use case (docs/marketplace.md),
 * committed, then its calendar entry. An application is found again by its application id,
 * so a second delivery (under a new event id, or at the same moment) is a replay.
 */
export const applyMarketplaceEvent = async (
  deps: MarketplaceDeps,
  connector: { tenantId: string; key: string },
  event: ConnectorEvent,
): Promise<MarketplaceEventResult> => {
  const { tenantId } = connector;
  const ctx = await systemContext(deps, tenantId);
  const applied = await applyConnectorEvent(deps.store, connector.key, event, ctx);
  if (applied.kind === "replay") return applied;
  const { outcome } = applied;
  const changed = outcome.changes.length > 0 || outcome.cancel.length > 0;
  if (changed) {
    try {
      await deps.store.commit(tenantId, outcome);
    } catch (error) {
      // The same application delivered twice at once: the second finds the first's row.
      if (!(applied.created && isDomainError(error) && error.code === "already-exists")) {
        throw error;
      }
      const again = await applyConnectorEvent(deps.store, connector.key, event, ctx);
      if (again.kind !== "replay") throw error;
      return again;
    }
  }
  await runMarketplaceIntents(deps, tenantId, outcome.intents);
  return { kind: "applied", opportunity: outcome.value, created: applied.created, changed };
};

const FIRINGS = { reminder: marketplaceReminderFired, reveal: marketplaceRevealFired };

/**
 * SPEC §4.4/§5 visibility clocks (docs/marketplace.md): the client reminder and the automatic
 * reveal. The use case re-checks the opportunity (still hidden, still holding this clock) and
 * its change removes the clock's ref in the same ETag-conditional write, so a second sweep or
 * a retried run finds nothing to do. The timeline line it writes notifies the owner and the
 * followers.
 */
export const fireVisibilityClock = async (
  deps: MarketplaceDeps,
  deadline: Deadline,
  clock: keyof typeof FIRINGS,
): Promise<"fired" | "skipped"> => {
  const { tenantId } = deadline;
  const [opportunity, ctx] = await Promise.all([
    deps.store.getOpportunity(tenantId, deadline.subjectId),
    systemContext(deps, tenantId),
  ]);
  const fired = FIRINGS[clock](deadline, opportunity, ctx);
  if (!fired.fire) return "skipped";
  // A conflict (an event wrote the opportunity since it was read) throws: the row stays for
  // the next sweep, which re-reads it and skips if the client has reacted meanwhile.
  await deps.store.commit(tenantId, fired);
  await runMarketplaceIntents(deps, tenantId, fired.intents);
  return "fired";
};
