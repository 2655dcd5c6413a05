import { DomainError } from "@dealflow/core";

type RestLike = { statusCode?: number; code?: string; message?: string };

export const statusOf = (error: unknown): number | undefined =>
  typeof error === "object" && error !== null ? (error as RestLike).statusCode : undefined;

export const isNotFound = (error: unknown) => statusOf(error) === 404;

/**
 * Table Storage answers to domain errors: 412 (stale ETag) is a conflict the caller can
 * reload and retry; 409 on create means the row exists; unreachable storage is `unavailable`.
 */
export const toDomainError = (error: unknown): unknown => {
  const status = statusOf(error);
  if (status === 412) {
    return new DomainError("conflict", "The record was changed by someone else; reload it.");
  }
  if (status === 409) return new DomainError("already-exists", "The record already exists.");
  if (status === 404) return new DomainError("not-found", "The record does not exist.");
  if (status === undefined || status >= 500 || status === 408) {
    const code = typeof error === "object" && error !== null ? (error as RestLike).code : undefined;
    if (status !== undefined || code === "ECONNREFUSED" || code === "REQUEST_SEND_ERROR") {
      return new DomainError("unavailable", "Storage is unreachable; try again shortly.");
    }
  }
  return error;
};
