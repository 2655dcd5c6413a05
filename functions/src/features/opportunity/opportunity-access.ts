import {
  canRead,
  DomainError,
  type Opportunity,
  type Outcome,
  type Settings,
  type Viewer,
} from "@dealflow/core";
import {
  type ActingContext,
  actingContext,
  type SystemContext,
} from "../../service-kit/acting-context.js";
import type { ServiceDeps } from "../../service-kit/service-deps.js";
import { opportunityKey } from "../../storage/rows/opportunity.rows.js";

/**
 * An opportunity as a use case left it: written (or, when nothing changed, as read), with its
 * version and the settings it was shaped under (an answer redacts and describes with them).
 */
export type SavedOpportunity = {
  opportunity: Opportunity;
  version: string | undefined;
  changed: boolean;
  settings: Settings;
  /** Who ran the use case (null: the system): the answer says what they may do next. */
  actor: Viewer | null;
};

const unseen = () => new DomainError("not-found", "The opportunity does not exist.");

/**
 * The opportunity a use case names, with the actor's context, read together. What the actor may
 * not see is the same 404 as what does not exist (SPEC §7), whatever they meant to do with it.
 */
export const loadOpportunity = async (
  deps: Pick<ServiceDeps, "store" | "clock" | "ids">,
  actor: Viewer,
  id: string,
): Promise<{ ctx: ActingContext; opportunity: Opportunity }> => {
  const [ctx, opportunity] = await Promise.all([
    actingContext(deps, actor),
    deps.store.getOpportunity(actor.tenantId, id),
  ]);
  if (opportunity === null || !canRead(ctx.actor, opportunity, ctx.settings)) throw unseen();
  return { ctx, opportunity };
};

/**
 * Commits a use case's outcome and returns the opportunity with its new version. An outcome
 * that changes nothing writes nothing and keeps the version that was read.
 */
export const saveOpportunity = async (
  deps: Pick<ServiceDeps, "store">,
  ctx: Pick<ActingContext | SystemContext, "tenantId" | "settings" | "actor">,
  outcome: Outcome<Opportunity>,
): Promise<SavedOpportunity> => {
  const { settings, actor } = ctx;
  if (outcome.changes.length === 0) {
    const version = outcome.value.version;
    return { opportunity: outcome.value, version, changed: false, settings, actor };
  }
  const result = await deps.store.commit(ctx.tenantId, outcome);
  return {
    opportunity: outcome.value,
    version: result.versions.get(opportunityKey(outcome.value.id)),
    changed: true,
    settings,
    actor,
  };
};

/**
 * Core names some fields after its own inputs (`stageId`, `text`); the API's body names
 * them as CONTRACTS.md does, so a 400 points at the field the client actually sent.
 */
export const renamingFields = async <T>(
  renames: Record<string, string>,
  run: () => Promise<T> | T,
): Promise<T> => {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError && error.code === "validation") {
      throw new DomainError(
        "validation",
        error.message,
        error.errors.map((e) => ({ ...e, path: renames[e.path] ?? e.path })),
      );
    }
    throw error;
  }
};
