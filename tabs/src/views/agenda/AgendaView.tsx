import { MessageBar, MessageBarBody, Spinner, Title2 } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { describeApiError } from "../../api/api-error.js";
import type { Task, TaskRange } from "../../api/api-types.js";
import { useSession } from "../../app/session.js";
import { useI18n } from "../../i18n/i18n.js";
import { OwnerSelect } from "../common/owner-select.js";
import { AgendaSection } from "./AgendaSection.js";
import { CompleteTaskDialog } from "./CompleteTaskDialog.js";

const RANGES: readonly TaskRange[] = ["overdue", "today", "upcoming"];
type Agenda = Record<TaskRange, Task[]>;

/** The signed-in user's open tasks: overdue, today, upcoming (SPEC §4.3). */
export const AgendaView = () => {
  const { t } = useI18n();
  const { api, me } = useSession();
  const [owner, setOwner] = useState(me.id);
  const [agenda, setAgenda] = useState<Agenda | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [completing, setCompleting] = useState<Task | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const pages = await Promise.all(
        RANGES.map((range) => api.tasks(range, owner === me.id ? undefined : owner)),
      );
      setAgenda({
        overdue: pages[0]?.items ?? [],
        today: pages[1]?.items ?? [],
        upcoming: pages[2]?.items ?? [],
      });
      setError(null);
    } catch (reason) {
      setError(describeApiError(reason));
    }
  }, [api, owner, me.id]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return (
    <section aria-labelledby="agenda-title">
      <Title2 as="h1" id="agenda-title">
        {t("nav.agenda")}
      </Title2>
      {me.role === "manager" && (
        <OwnerSelect label="agenda.owner" value={owner} onChange={setOwner} />
      )}
      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {error && <div role="alert">{error}</div>}
      {agenda === null && !error && <Spinner label={t("app.loading")} />}
      {agenda &&
        RANGES.map((range) => (
          <AgendaSection
            key={range}
            range={range}
            tasks={agenda[range]}
            onComplete={setCompleting}
          />
        ))}
      {completing && (
        <CompleteTaskDialog
          taskTitle={completing.title}
          onCancel={() => setCompleting(null)}
          onSubmit={async (outcome) => {
            await api.completeTask(completing.id, outcome);
            setCompleting(null);
            setNotice(t("form.saved"));
            await reload();
          }}
        />
      )}
    </section>
  );
};
