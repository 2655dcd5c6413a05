import type { OpportunityListItem as Opportunity, Pipeline } from "@dealflow/contract";
import { useCallback, useEffect, useRef, useState } from "react";
import { describeApiError } from "../../api/api-error.js";
import { useSession } from "../../app/session.js";
import { placeInColumns } from "./stage-summary.js";

/** The API's largest page. */
export const STAGE_PAGE_SIZE = 200;
/** Past this, a column says it shows the newest MAX_COLUMN_ROWS only (filter by owner to narrow). */
export const MAX_COLUMN_ROWS = 2_000;

export type StageColumn = {
  items: Opportunity[];
  /** false while its pages are still being read. */
  complete: boolean;
  /** true when the column stopped at MAX_COLUMN_ROWS with more to read. */
  truncated: boolean;
};

const emptyColumn: StageColumn = { items: [], complete: false, truncated: false };

/**
 * Every stage of a pipeline, one request chain per stage (the API filters by pipeline through
 * its stage), following `nextCursor`: each column shows its first page at once and grows as
 * the next arrive. A reload, or another pipeline or owner, abandons the reads in flight.
 */
export const usePipelineColumns = (pipeline: Pipeline | null, owner: string | null) => {
  const { api } = useSession();
  const [columns, setColumns] = useState<Record<string, StageColumn>>({});
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const shown = useRef<string | null>(null);

  const reload = useCallback(async () => {
    if (pipeline === null) return;
    const current = ++generation.current;
    const stale = () => current !== generation.current;
    const key = `${pipeline.id}\n${owner ?? ""}`;
    // Another pipeline or owner starts empty; a reload of the same keeps the cards until replaced.
    if (shown.current !== key) setColumns({});
    shown.current = key;
    setError(null);
    const readStage = async (stageId: string) => {
      const seen = new Set<string>();
      const loaded: Opportunity[] = [];
      let cursor: string | null = null;
      try {
        do {
          const page = await api.stageOpportunities({
            pipelineId: pipeline.id,
            stageId,
            owner,
            cursor,
            limit: STAGE_PAGE_SIZE,
          });
          if (stale()) return;
          // A card moved while the column was read can show on two pages: keep its first.
          for (const item of page.items) {
            if (!seen.has(item.id) && seen.add(item.id)) loaded.push(item);
          }
          cursor = page.nextCursor;
          const column: StageColumn = {
            items: [...loaded],
            complete: cursor === null || loaded.length >= MAX_COLUMN_ROWS,
            truncated: cursor !== null && loaded.length >= MAX_COLUMN_ROWS,
          };
          setColumns((previous) => ({ ...previous, [stageId]: column }));
        } while (cursor !== null && loaded.length < MAX_COLUMN_ROWS);
      } catch (reason) {
        if (stale()) return;
        // The other columns still show; this one keeps what it read and stops waiting.
        const column: StageColumn = { items: [...loaded], complete: true, truncated: false };
        setColumns((previous) => ({ ...previous, [stageId]: column }));
        setError(describeApiError(reason));
      }
    };
    await Promise.all(pipeline.stages.map((stage) => readStage(stage.id)));
  }, [api, pipeline, owner]);

  useEffect(() => {
    void reload();
    return () => {
      generation.current++;
    };
  }, [reload]);

  /** A card moved on the server: shown in its new column without reading the board again. */
  const place = useCallback((moved: Opportunity) => {
    setColumns((previous) => {
      const items = placeInColumns(
        Object.fromEntries(Object.entries(previous).map(([id, column]) => [id, column.items])),
        moved,
      );
      return Object.fromEntries(
        Object.entries(items).map(([id, list]) => [
          id,
          { ...(previous[id] ?? { ...emptyColumn, complete: true }), items: list },
        ]),
      );
    });
  }, []);

  return { columns, error, reload, place };
};
