import { Button, makeStyles, Subtitle1, Text, tokens } from "@fluentui/react-components";
import type { Task, TaskRange } from "../../api/api-types.js";
import type { MessageKey } from "../../i18n/catalog-en.js";
import { formatDateTime } from "../../i18n/format.js";
import { useI18n } from "../../i18n/i18n.js";

const HEADINGS: Record<TaskRange, MessageKey> = {
  overdue: "agenda.overdue",
  today: "agenda.today",
  upcoming: "agenda.upcoming",
};

const useStyles = makeStyles({
  list: { listStyle: "none", padding: 0, display: "grid", gap: tokens.spacingVerticalS },
  item: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  grow: { flexGrow: 1, display: "grid" },
  overdue: { color: tokens.colorPaletteRedForeground1 },
});

export const AgendaSection = (props: {
  range: TaskRange;
  tasks: Task[];
  onComplete: (task: Task) => void;
}) => {
  const { t, locale, timeZone } = useI18n();
  const styles = useStyles();
  const headingId = `agenda-${props.range}`;
  return (
    <section aria-labelledby={headingId}>
      <Subtitle1 as="h2" id={headingId}>
        {t(HEADINGS[props.range])}
      </Subtitle1>
      {props.tasks.length === 0 && <Text>{t("agenda.empty")}</Text>}
      <ul className={styles.list} aria-labelledby={headingId}>
        {props.tasks.map((task) => (
          <li key={task.id} className={styles.item} data-task-kind={task.kind}>
            <div className={styles.grow}>
              <Text weight="semibold">{task.title}</Text>
              {task.opportunity && <Text size={200}>{task.opportunity.title}</Text>}
              <Text size={200} className={props.range === "overdue" ? styles.overdue : undefined}>
                <time dateTime={task.dueAt}>
                  {t("agenda.due", { time: formatDateTime(task.dueAt, locale, timeZone) })}
                </time>
              </Text>
            </div>
            <Button onClick={() => props.onComplete(task)}>{t("action.complete")}</Button>
          </li>
        ))}
      </ul>
    </section>
  );
};
