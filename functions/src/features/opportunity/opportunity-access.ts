import {
  canRead,
  DomainError,
  type Opportunity,
  type Outcome,
  type Settings,
  type UseCaseContext,
} from "@dealflow/core";
import { type RouteDeps, userContext } from "../../api/api-context.js";
import type { ApiResult } from "../../api/api-route.js";
import type { Principal } from "../../identity/principal.js";
import { opportunityKey } from "../../storage/rows/opportunity.rows.js";
import { opportunityResponse } from "./opportunity.schema.js";

export type ActingContext = UseCaseContext & { settings: Settings };

const unseen = () => new DomainError("not-found", "The opportunity does not exist.");

/**
 * The opportunity a request names, with the user's context, read together. What the user may
 * not see is the same 404 as what does not exist (SPEC §7), whatever they meant to do with it.
 */
export const loadOpportunity = async (
  deps: Pick<RouteDeps, "store" | "clock">,
  principal: Principal,
  id: string,
): Promise<{ ctx: ActingContext; opportunity: Opportunity }> => {
  const [ctx, opportunity] = await Promise.all([
    userContext(deps, principal),
    deps.store.getOpportunity(principal.tenantId, id),
  ]);
  if (
    opportunity === null ||
    ctx.actor === null ||
    !canRead(ctx.actor, opportunity, ctx.settings)
  ) {
    throw unseen();
  }
  return { ctx, opportunity };
};

/**
 * Commits a use case's outcome and answers with the opportunity and its new ETag. An outcome
 * that changes nothing writes nothing and keeps the version that was read.
 */
export const commitOpportunity = async (
  deps: Pick<RouteDeps, "store">,
  ctx: ActingContext,
  outcome: Outcome<Opportunity>,
  status = 200,
): Promise<ApiResult> => {
  if (outcome.changes.length === 0) {
    return {
      status,
      body: opportunityResponse(outcome.value, ctx.settings),
      etag: outcome.value.version,
    };
  }
  const result = await deps.store.commit(ctx.tenantId, outcome);
  return {
    status,
    body: opportunityResponse(outcome.value, ctx.settings),
    etag: result.versions.get(opportunityKey(outcome.value.id)),
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
