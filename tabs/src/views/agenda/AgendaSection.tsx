import type { Task, TaskRange } from "@dealflow/contract";
import { Button, Link, makeStyles, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { MessageKey } from "../../i18n/catalog-en.js";
import { formatDateTime } from "../../i18n/format.js";
import { useI18n } from "../../i18n/i18n.js";

const HEADINGS: Record<TaskRange, MessageKey> = {
  overdue: "agenda.overdue",
  today: "agenda.today",
  upcoming: "agenda.upcoming",
};

const useStyles = makeStyles({
  section: { paddingBottom: tokens.spacingVerticalM },
  heading: { display: "block", margin: `${tokens.spacingVerticalS} 0` },
  list: { listStyle: "none", padding: 0, margin: 0, display: "grid" },
  item: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  grow: { flex: "1 1 auto", display: "grid", minWidth: 0, overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground2 },
  overdue: { color: tokens.colorPaletteRedForeground1 },
  complete: { flexShrink: 0 },
  more: { marginTop: tokens.spacingVerticalS },
});

/** One window of the agenda: each task, what it is about (a link to it), when it is due. */
export const AgendaSection = (props: {
  range: TaskRange;
  tasks: Task[];
  /** More tasks than shown: the server has a next page. */
  more: boolean;
  onMore: () => Promise<void>;
  onComplete: (task: Task) => void;
}) => {
  const { t, locale, timeZone } = useI18n();
  const styles = useStyles();
  const [loading, setLoading] = useState(false);
  const headingId = `agenda-${props.range}`;
  return (
    <section aria-labelledby={headingId} className={styles.section}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {t(HEADINGS[props.range])}
        {props.tasks.length > 0 && ` (${props.tasks.length}${props.more ? "+" : ""})`}
      </Subtitle2>
      {props.tasks.length === 0 && <Text className={styles.muted}>{t("agenda.empty")}</Text>}
      <ul className={styles.list} aria-labelledby={headingId}>
        {props.tasks.map((task) => (
          <li key={task.id} className={styles.item} data-task-kind={task.kind}>
            <div className={styles.grow}>
              <Text weight="semibold">{task.title}</Text>
              {task.opportunity && (
                <Text size={200}>
                  <Link href={`#/opportunities/${encodeURIComponent(task.opportunity.id)}`}>
                    {task.opportunity.title}
                  </Link>
                </Text>
              )}
              <Text
                size={200}
                className={props.range === "overdue" ? styles.overdue : styles.muted}
              >
                <time dateTime={task.dueAt}>
                  {t("agenda.due", { time: formatDateTime(task.dueAt, locale, timeZone) })}
                </time>
              </Text>
            </div>
            <Button className={styles.complete} onClick={() => props.onComplete(task)}>
              {t("action.complete")}
            </Button>
          </li>
        ))}
      </ul>
      {props.more && (
        <Button
          className={styles.more}
          appearance="subtle"
          disabled={loading}
          aria-describedby={headingId}
          onClick={() => {
            setLoading(true);
            void props.onMore().finally(() => setLoading(false));
          }}
        >
          {t("agenda.more")}
        </Button>
      )}
    </section>
  );
};
