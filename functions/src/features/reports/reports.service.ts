import type { DiscardedContact, DiscardedFilters } from "@dealflow/contract";
import {
  DomainError,
  type FirstContactTimesReport,
  firstContactTimes,
  type SourceReport,
  sourceReport,
  type Viewer,
} from "@dealflow/core";
import { assertManager } from "../../service-kit/assert-manager.js";
import type { ServiceDeps } from "../../service-kit/service-deps.js";
import { allUsers } from "../../storage/all-users.js";
import { presentDiscarded, readDiscarded } from "./discarded/discarded-query.js";
import { opportunitiesReceivedIn, type Period } from "./report-period.js";

/** SPEC §4.7 reports are the managers'; the routes are public knowledge, so 403 not 404. */
const assertReportReader = (deps: Pick<ServiceDeps, "store">, actor: Viewer) =>
  assertManager(deps, actor, "Reports are for managers.");

/** An export bigger than this is refused: narrow the period instead. */
export const MAX_EXPORT_ROWS = 10_000;

/** Conversions of the period by source and campaign, with their shares (SPEC §4.7). */
export const reportSources = async (
  deps: ServiceDeps,
  actor: Viewer,
  period: Period,
): Promise<SourceReport> => {
  await assertReportReader(deps, actor);
  return sourceReport(await opportunitiesReceivedIn(deps, actor.tenantId, period));
};

/** Time to first contact per owner of the period's opportunities, with owners' names. */
export const reportFirstContactTimes = async (
  deps: ServiceDeps,
  actor: Viewer,
  period: Period,
): Promise<FirstContactTimesReport & { ownerNames: ReadonlyMap<string, string> }> => {
  await assertReportReader(deps, actor);
  const { tenantId } = actor;
  const [opportunities, settings, users] = await Promise.all([
    opportunitiesReceivedIn(deps, tenantId, period),
    deps.store.getSettings(tenantId),
    allUsers(deps.store, tenantId),
  ]);
  const report = firstContactTimes(opportunities, {
    targetMinutes: settings.durations.firstContactTargetMinutes,
    now: deps.clock(),
  });
  return { ...report, ownerNames: new Map(users.map((user) => [user.id, user.name])) };
};

/** A page of the discarded contacts, newest discard first, filtered (SPEC §4.7). */
export const listDiscarded = async (
  deps: ServiceDeps,
  actor: Viewer,
  filters: DiscardedFilters,
  page: { cursor?: string | undefined; limit: number },
): Promise<{ items: DiscardedContact[]; nextCursor: string | null }> => {
  await assertReportReader(deps, actor);
  const found = await readDiscarded(deps, actor.tenantId, filters, page);
  return { items: found.items.map(presentDiscarded), nextCursor: found.nextCursor };
};

/** Every discarded contact the filters select, for the CSV export, with owners' names. */
export const exportDiscarded = async (
  deps: ServiceDeps,
  actor: Viewer,
  filters: DiscardedFilters,
): Promise<{ items: DiscardedContact[]; ownerNames: ReadonlyMap<string, string> }> => {
  await assertReportReader(deps, actor);
  const { tenantId } = actor;
  const items: DiscardedContact[] = [];
  let cursor: string | undefined;
  do {
    const page = await readDiscarded(deps, tenantId, filters, { cursor, limit: 200 });
    items.push(...page.items.map(presentDiscarded));
    cursor = page.nextCursor ?? undefined;
    if (items.length > MAX_EXPORT_ROWS) {
      throw new DomainError("validation", "The export is too big.", [
        { path: "from", message: `selects more than ${MAX_EXPORT_ROWS} rows; narrow the period` },
      ]);
    }
  } while (cursor !== undefined);
  const users = await allUsers(deps.store, tenantId);
  return { items, ownerNames: new Map(users.map((user) => [user.id, user.name])) };
};
