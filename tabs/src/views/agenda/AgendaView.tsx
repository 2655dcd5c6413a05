import type { Page, Task, TaskRange } from "@dealflow/contract";
import { Button } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { describeApiError } from "../../api/api-error.js";
import { useSession } from "../../app/session.js";
import { useI18n } from "../../i18n/i18n.js";
import { useNotify } from "../common/notify.js";
import { OwnerSelect } from "../common/owner-select.js";
import { ViewHeader } from "../common/ViewHeader.js";
import { EmptyState, ViewState } from "../common/view-state.js";
import { AgendaSection } from "./AgendaSection.js";
import { CompleteTaskDialog } from "./CompleteTaskDialog.js";

const RANGES: readonly TaskRange[] = ["overdue", "today", "upcoming"];
type Agenda = Record<TaskRange, Page<Task>>;

/** The signed-in user's open tasks: overdue, today, upcoming (SPEC §4.3). */
export const AgendaView = () => {
  const { t } = useI18n();
  const { api, me } = useSession();
  const notify = useNotify();
  const [owner, setOwner] = useState(me.id);
  const [agenda, setAgenda] = useState<Agenda | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [completing, setCompleting] = useState<Task | null>(null);

  const reload = useCallback(async () => {
    try {
      const pages = await Promise.all(
        RANGES.map((range) => api.tasks(range, owner === me.id ? undefined : owner)),
      );
      const none: Page<Task> = { items: [], nextCursor: null };
      setAgenda({
        overdue: pages[0] ?? none,
        today: pages[1] ?? none,
        upcoming: pages[2] ?? none,
      });
      setError(null);
    } catch (reason) {
      setError(describeApiError(reason));
    }
  }, [api, owner, me.id]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // The next page of one range, added below what is shown (a busy seller has more than 50).
  const loadMore = async (range: TaskRange) => {
    const cursor = agenda?.[range].nextCursor;
    if (!cursor) return;
    try {
      const next = await api.tasks(range, owner === me.id ? undefined : owner, cursor);
      setAgenda((shown) =>
        shown === null
          ? shown
          : {
              ...shown,
              [range]: {
                items: [...shown[range].items, ...next.items],
                nextCursor: next.nextCursor,
              },
            },
      );
      setError(null);
    } catch (reason) {
      setError(describeApiError(reason));
    }
  };

  const empty = agenda !== null && RANGES.every((range) => agenda[range].items.length === 0);

  return (
    <section aria-labelledby="agenda-title">
      <ViewHeader title={t("nav.agenda")} titleId="agenda-title">
        {me.role === "manager" && (
          <OwnerSelect label="agenda.owner" value={owner} onChange={setOwner} inline />
        )}
      </ViewHeader>
      <ViewState
        loading={agenda === null}
        error={error}
        onRetry={() => void reload()}
        empty={empty}
        emptyState={
          <EmptyState
            title={t("agenda.clear")}
            hint={t("agenda.clearHint")}
            action={
              <Button as="a" href="#/first-contact">
                {t("list.goFirstContact")}
              </Button>
            }
          />
        }
      >
        {agenda &&
          RANGES.map((range) => (
            <AgendaSection
              key={range}
              range={range}
              tasks={agenda[range].items}
              more={agenda[range].nextCursor !== null}
              onMore={() => loadMore(range)}
              onComplete={setCompleting}
            />
          ))}
      </ViewState>
      {completing && (
        <CompleteTaskDialog
          taskTitle={completing.title}
          onCancel={() => setCompleting(null)}
          canNote={completing.opportunityId !== null}
          onSubmit={async (completion) => {
            await api.completeTask(completing.id, completion);
            setCompleting(null);
            // No Undo: completing also classifies the contact and plans the follow-up, and the
            // API has no route that takes a completion back (a reopen would need one).
            notify({ text: t("agenda.completed", { title: completing.title }) });
            await reload();
          }}
        />
      )}
    </section>
  );
};
