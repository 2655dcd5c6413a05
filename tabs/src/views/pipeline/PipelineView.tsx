import type { OpportunityListItem as Opportunity, Stage } from "@dealflow/contract";
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { describeApiError } from "../../api/api-error.js";
import { useSession } from "../../app/session.js";
import { useI18n } from "../../i18n/i18n.js";
import { LostReasonDialog } from "../common/LostReasonDialog.js";
import { useNotify } from "../common/notify.js";
import { useNow } from "../common/use-now.js";
import { ViewHeader } from "../common/ViewHeader.js";
import { EmptyState, ErrorState } from "../common/view-state.js";
import { type MoveResult, moveOpportunity } from "./move-opportunity.js";
import { PipelineBoard } from "./PipelineBoard.js";
import { PipelineList } from "./PipelineList.js";
import { PipelineToolbar } from "./PipelineToolbar.js";
import {
  type PipelineLayout,
  pipelineHash,
  readPipelineRoute,
  rememberedLayout,
  rememberLayout,
} from "./pipeline-route.js";
import { MAX_COLUMN_ROWS, usePipelineColumns } from "./use-pipeline-columns.js";

/**
 * SPEC §4.1's board and list of one pipeline. Which pipeline (the hash, else the channel
 * tab's, else the first), whose and which layout live in the hash query.
 */
export const PipelineView = (props: { defaultPipelineId?: string | null }) => {
  const { t } = useI18n();
  const { api, settings, me } = useSession();
  const notify = useNotify();
  const now = useNow();
  const pipelines = settings.pipelines;
  const [initial] = useState(() => readPipelineRoute(window.location.hash));
  const known = (id: string | null | undefined) => pipelines.find((p) => p.id === id)?.id;
  const [pipelineId, setPipelineId] = useState(
    () => known(initial.pipelineId) ?? known(props.defaultPipelineId) ?? pipelines[0]?.id ?? "",
  );
  const [layout, setLayout] = useState<PipelineLayout>(() => initial.layout ?? rememberedLayout());
  const [owner, setOwner] = useState(me.role === "manager" ? (initial.owner ?? "") : "");
  const pipeline = pipelines.find((p) => p.id === pipelineId) ?? null;
  const { columns, error, reload, place } = usePipelineColumns(pipeline, owner || null);
  const [warning, setWarning] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    // Only while the view is on screen: opening a card's detail changes the hash first.
    if (!window.location.hash.startsWith("#/pipeline") && window.location.hash !== "") return;
    const hash = pipelineHash({ pipelineId, layout, owner: owner || null });
    if (hash !== window.location.hash) window.history.replaceState(null, "", hash);
  }, [pipelineId, layout, owner]);

  const chooseLayout = (next: PipelineLayout) => {
    rememberLayout(next);
    setLayout(next);
  };

  /** What went wrong with a move, in words; null when it moved. */
  const problemOf = (result: MoveResult): string | null => {
    if (result.kind === "moved") return null;
    if (result.kind === "gone") return t("conflict.gone");
    const fields = result.changed.map((f) => t(`changed.${f}`));
    return t("conflict.changed", { fields: fields.join(", ") || "—" });
  };

  // A move to a lost stage first asks why (optional), in a dialog.
  const [losing, setLosing] = useState<{ opportunity: Opportunity; stage: Stage } | null>(null);

  const onMove = async (opportunity: Opportunity, stage: Stage, reason?: string | null) => {
    setBusyId(opportunity.id);
    setWarning(null);
    try {
      const result = await moveOpportunity(api, opportunity, stage.id, reason);
      if (result.kind === "moved") {
        place(result.opportunity);
        setFocusId(opportunity.id);
        const name = opportunity.contact.name;
        notify({
          text: t("pipeline.moved", { name, stage: stage.name }),
          // Undo is the same move back, with the version the move wrote.
          undo: async () => {
            const back = await moveOpportunity(api, result.opportunity, opportunity.stage);
            const problem = problemOf(back);
            if (back.kind !== "moved") throw new Error(problem ?? "");
            place(back.opportunity);
          },
        });
        return;
      }
      setWarning(problemOf(result));
      await reload();
    } catch (reason) {
      setWarning(describeApiError(reason));
    } finally {
      setBusyId(null);
    }
  };

  const truncated = Object.values(columns).some((column) => column.truncated);
  const handlers = {
    now,
    busyId,
    onMove: (o: Opportunity, s: Stage) =>
      s.role === "lost" ? setLosing({ opportunity: o, stage: s }) : void onMove(o, s),
  };

  return (
    <section aria-labelledby="pipeline-title">
      <ViewHeader title={t("pipeline.title")} titleId="pipeline-title">
        <PipelineToolbar
          titleId="pipeline-title"
          pipelines={pipelines}
          pipelineId={pipelineId}
          onPipeline={setPipelineId}
          owner={owner}
          onOwner={setOwner}
          layout={layout}
          onLayout={chooseLayout}
        />
      </ViewHeader>
      {warning && (
        <MessageBar intent="warning" role="status">
          <MessageBarBody>{warning}</MessageBarBody>
        </MessageBar>
      )}
      {error && <ErrorState message={error} onRetry={() => void reload()} />}
      {truncated && (
        <MessageBar intent="info">
          <MessageBarBody>{t("pipeline.truncated", { count: MAX_COLUMN_ROWS })}</MessageBarBody>
        </MessageBar>
      )}
      {pipeline === null && <EmptyState title={t("pipeline.none")} hint={t("pipeline.noneHint")} />}
      {pipeline && layout === "board" && (
        <PipelineBoard pipeline={pipeline} columns={columns} focusId={focusId} {...handlers} />
      )}
      {pipeline && layout === "list" && (
        <PipelineList pipeline={pipeline} columns={columns} {...handlers} />
      )}
      {losing && (
        <LostReasonDialog
          title={losing.opportunity.title}
          stageName={losing.stage.name}
          onCancel={() => setLosing(null)}
          onConfirm={async (reason) => {
            setLosing(null);
            await onMove(losing.opportunity, losing.stage, reason);
          }}
        />
      )}
    </section>
  );
};
